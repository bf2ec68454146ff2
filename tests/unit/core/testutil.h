// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QCryptographicHash>
#include <QFile>
#include <QString>

#include <cstring>
#include <vector>

namespace vigie::test {

/// SHA-256 of a file's bytes (empty when unreadable).
inline QByteArray fileChecksum(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(&f);
    return h.result().toHex();
}

/// 2D little-endian ISO WKB of a point.
inline std::vector<unsigned char> pointWkb(double x, double y)
{
    std::vector<unsigned char> w(21);
    w[0] = 1;
    const std::uint32_t type = 1;
    std::memcpy(w.data() + 1, &type, 4);
    std::memcpy(w.data() + 5, &x, 8);
    std::memcpy(w.data() + 13, &y, 8);
    return w;
}

/// 2D little-endian WKB of a single-ring polygon (ring closed by the caller or not).
inline std::vector<unsigned char> polygonWkb(const std::vector<std::pair<double, double>> &ring)
{
    std::vector<unsigned char> w;
    auto put32 = [&](std::uint32_t v) {
        unsigned char b[4];
        std::memcpy(b, &v, 4);
        w.insert(w.end(), b, b + 4);
    };
    auto putD = [&](double v) {
        unsigned char b[8];
        std::memcpy(b, &v, 8);
        w.insert(w.end(), b, b + 8);
    };
    w.push_back(1);
    put32(3);
    put32(1);
    put32(std::uint32_t(ring.size()));
    for (auto [x, y] : ring) {
        putD(x);
        putD(y);
    }
    return w;
}

} // namespace vigie::test
