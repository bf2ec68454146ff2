// SPDX-License-Identifier: GPL-3.0-or-later
#include "controlimage.h"

#include <QDir>
#include <QFile>
#include <QTextStream>

#include <algorithm>
#include <cstdlib>

namespace vigie::render::test {

int countDifferingPixels(const QImage &actualIn, const QImage &controlIn, int colorTolerance,
                         int *maxChannelDifference, QImage *diff)
{
    const QImage a = actualIn.convertToFormat(QImage::Format_ARGB32);
    const QImage c = controlIn.convertToFormat(QImage::Format_ARGB32);
    if (a.size() != c.size())
        return a.width() * a.height();
    if (diff)
        *diff = QImage(a.size(), QImage::Format_ARGB32);
    int count = 0;
    int maxDiff = 0;
    for (int y = 0; y < a.height(); ++y) {
        const auto *la = reinterpret_cast<const QRgb *>(a.constScanLine(y));
        const auto *lc = reinterpret_cast<const QRgb *>(c.constScanLine(y));
        QRgb *ld = diff ? reinterpret_cast<QRgb *>(diff->scanLine(y)) : nullptr;
        for (int x = 0; x < a.width(); ++x) {
            const int d = std::max(
                {std::abs(qRed(la[x]) - qRed(lc[x])), std::abs(qGreen(la[x]) - qGreen(lc[x])),
                 std::abs(qBlue(la[x]) - qBlue(lc[x])), std::abs(qAlpha(la[x]) - qAlpha(lc[x]))});
            maxDiff = std::max(maxDiff, d);
            const bool differs = d > colorTolerance;
            count += differs ? 1 : 0;
            if (ld) {
                if (differs) {
                    ld[x] = qRgb(255, std::max(0, 160 - d), 0);
                } else {
                    const int g = 200 + qGray(lc[x]) / 5; // faded control
                    ld[x] = d > 0 ? qRgb(g, g, 255) : qRgb(g, g, g);
                }
            }
        }
    }
    if (maxChannelDifference)
        *maxChannelDifference = maxDiff;
    return count;
}

ControlComparison compareWithControl(const QImage &actual, const QString &controlDir,
                                     const QString &name, int colorTolerance,
                                     int maxDifferingPixels)
{
    ControlComparison r;
    const QString controlPath = QDir(controlDir).filePath(name + QStringLiteral(".png"));
    if (qEnvironmentVariableIntValue("VIGIE_UPDATE_CONTROL") == 1) {
        QDir().mkpath(controlDir);
        r.updated = actual.save(controlPath, "PNG");
        r.passed = r.updated;
        r.message = r.updated ? QStringLiteral("control image written: %1").arg(controlPath)
                              : QStringLiteral("cannot write control image %1").arg(controlPath);
        return r;
    }

    QString outDir = qEnvironmentVariable("VIGIE_TEST_OUTPUT");
    if (outDir.isEmpty())
        outDir = QDir::temp().filePath(QStringLiteral("vigie-test-output"));
    QDir().mkpath(outDir);
    const QString actualPath = QDir(outDir).filePath(name + QStringLiteral("_actual.png"));
    const QString diffPath = QDir(outDir).filePath(name + QStringLiteral("_diff.png"));
    const QString htmlPath = QDir(outDir).filePath(name + QStringLiteral("_report.html"));

    const QImage control(controlPath);
    if (control.isNull()) {
        actual.save(actualPath, "PNG");
        r.message = QStringLiteral("control image %1 is missing (run with VIGIE_UPDATE_CONTROL=1 "
                                   "to create it); actual image: %2")
                        .arg(controlPath, actualPath);
        return r;
    }
    if (control.size() != actual.size()) {
        actual.save(actualPath, "PNG");
        r.message = QStringLiteral("size %1x%2 differs from the control's %3x%4; actual: %5")
                        .arg(actual.width())
                        .arg(actual.height())
                        .arg(control.width())
                        .arg(control.height())
                        .arg(actualPath);
        return r;
    }
    QImage diff;
    r.differingPixels =
        countDifferingPixels(actual, control, colorTolerance, &r.maxChannelDifference, &diff);
    r.passed = r.differingPixels <= maxDifferingPixels;
    if (r.passed) {
        r.message = QStringLiteral("%1 pixels differ (allowed %2)")
                        .arg(r.differingPixels)
                        .arg(maxDifferingPixels);
        return r;
    }
    actual.save(actualPath, "PNG");
    diff.save(diffPath, "PNG");
    QFile html(htmlPath);
    if (html.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        QTextStream out(&html);
        out << "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" << name
            << "</title></head><body><h1>" << name << "</h1><p>" << r.differingPixels
            << " pixels differ by more than " << colorTolerance << " (allowed "
            << maxDifferingPixels << "), largest channel difference " << r.maxChannelDifference
            << ".</p><table><tr><th>control</th><th>actual</th><th>difference</th></tr><tr>"
            << "<td><img src=\"file://" << controlPath << "\"></td><td><img src=\"" << name
            << "_actual.png\"></td><td><img src=\"" << name << "_diff.png\"></td></tr></table>"
            << "</body></html>\n";
    }
    r.message = QStringLiteral("%1 pixels differ by more than %2 (allowed %3).\n  actual: %4\n"
                               "  diff:   %5\n  report: %6")
                    .arg(r.differingPixels)
                    .arg(colorTolerance)
                    .arg(maxDifferingPixels)
                    .arg(actualPath, diffPath, htmlPath);
    return r;
}

} // namespace vigie::render::test
