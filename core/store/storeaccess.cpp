// SPDX-License-Identifier: GPL-3.0-or-later
// The store's reading (snapshots, attributes, series, rasters) and series writing:
// inserter.cpp writes features, store.cpp holds the lifetime, schema, catalogue and
// transactions.
#include "../argtext.h"
#include "statement.h"
#include "store.h"

#include "analytics/feedback.h"
#include "io/inputfile.h"
#include "rtreeloader.h"
#include "schematemplates.h"
#include "sqlitesecurity.h"
#include "wkb.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>
#include <QUrl>

#include <sqlite3.h>
// sqlite3.h first: spatialite.h uses its types.
#include <spatialite.h>

#include <bit>
#include <cmath>
#include <cstring>
#include <limits>
#include <unistd.h>

#include "storeinternal.h"

namespace vigie::core {

using namespace storedetail;

void Store::addSeriesValue(const QString &layerId, std::int64_t fid, const QString &isoTime,
                           double value)
{
    requireWritable();
    const QString iso = toIsoUtc(isoTime);
    if (iso.isEmpty())
        throw Exception(ErrorCode::InvalidInput,
                        StoreTr::tr("Layer \"%1\", feature %2: \"%3\" is not a date and time.")
                            .arg(layerId, argText(fid), argText(isoTime)));
    Stmt s(m_db, QStringLiteral("INSERT OR REPLACE INTO vigie_series (layer, fid, t, value) "
                                "VALUES (?, ?, ?, ?)"));
    s.bind(1, layerId);
    s.bind(2, fid);
    s.bind(3, iso);
    s.bind(4, value);
    s.step();
}

// --- reading ---------------------------------------------------------------------------------

namespace {

/// x and y of a SpatiaLite BLOB-Geometry point (60 bytes, class 1, x/y at offset 43); false
/// when the blob is not one.
bool decodeBlobPoint(const unsigned char *blob, int size, double &x, double &y)
{
    if (!blob || size != 60 || blob[0] != 0x00 || blob[38] != 0x7C || blob[59] != 0xFE)
        return false;
    const bool little = blob[1] == 0x01;
    unsigned char b[16];
    std::memcpy(b, blob + 43, 16);
    if (little != (std::endian::native == std::endian::little))
        for (int k = 0; k < 2; ++k)
            for (int i = 0; i < 4; ++i)
                std::swap(b[k * 8 + i], b[k * 8 + 7 - i]);
    std::memcpy(&x, b, 8);
    std::memcpy(&y, b + 8, 8);
    return true;
}

std::int64_t columnTime(sqlite3_stmt *st, int c)
{
    const auto *t = reinterpret_cast<const char *>(sqlite3_column_text(st, c));
    return t ? detail::parseIsoBytes(t, std::size_t(sqlite3_column_bytes(st, c)))
             : LayerSnapshot::kNoTime;
}

/**
 * Fills a vector layer's snapshot row by row: the columns it selects (fid, geometry, then the
 * manifest's time, end, category, label and numeric fields), where each value goes, and the
 * extent and time range seen so far.
 */
class SnapshotReader
{
public:
    SnapshotReader(LayerSnapshot &snap, std::int64_t total, const QString &storePath)
        : m_snap(snap), m_storePath(storePath),
          m_isPoint(snap.manifest.geometryType == GeometryType::Point)
    {
        const LayerManifest &m = snap.manifest;
        m_columns =
            QStringList{QStringLiteral("fid"),
                        m_isPoint ? QStringLiteral("geom") : QStringLiteral("AsBinary(geom)")};
        if (!m.timeField.isEmpty())
            m_timeCol = addColumn(m.timeField);
        if (!m.endTimeField.isEmpty())
            m_endCol = addColumn(m.endTimeField);
        if (!m.categoryField.isEmpty())
            m_catCol = addColumn(m.categoryField);
        if (!m.labelField.isEmpty())
            m_labelCol = addColumn(m.labelField);
        for (const QString &f : {m.symbology.graduatedField, m.symbology.fovDirectionField,
                                 m.symbology.fovAngleField, m.symbology.fovRangeField}) {
            if (f.isEmpty() || snap.numbers.contains(f) || !m.field(f))
                continue;
            snap.numbers.insert(f, {});
        }
        for (auto it = snap.numbers.begin(); it != snap.numbers.end(); ++it) {
            it->reserve(std::size_t(total));
            m_numberCols.emplace_back(addColumn(it.key()), &it.value());
        }
        // Category values as UTF-8, compared on raw bytes (no QString per row).
        for (const CategoryDef &c : m.categories)
            m_catValues.push_back(c.value.toUtf8());
        reserve(std::size_t(total));
    }

    const QStringList &columns() const { return m_columns; }

    /// Appends the statement's current row (a row without geometry is not drawable: skipped).
    void read(sqlite3_stmt *st)
    {
        const std::int64_t fid = sqlite3_column_int64(st, 0);
        const auto *blob = static_cast<const unsigned char *>(sqlite3_column_blob(st, 1));
        const int size = sqlite3_column_bytes(st, 1);
        if (m_isPoint) {
            double x, y;
            if (!decodeBlobPoint(blob, size, x, y))
                return;
            m_snap.x.push_back(x);
            m_snap.y.push_back(y);
            m_minX = std::min(m_minX, x);
            m_maxX = std::max(m_maxX, x);
            m_minY = std::min(m_minY, y);
            m_maxY = std::max(m_maxY, y);
        } else {
            if (!blob)
                return;
            readGeometry(fid, blob, size);
        }
        m_snap.fids.push_back(fid);
        readAttributes(st);
    }

    /// Sets the extent and the time range from the rows read.
    void finish()
    {
        if (!m_snap.fids.empty() && std::isfinite(m_minX))
            m_snap.extent = QRectF(QPointF(m_minX, m_minY), QPointF(m_maxX, m_maxY));
        if (m_minT <= m_maxT) {
            m_snap.minTime = m_minT;
            m_snap.maxTime = m_maxT;
        }
    }

private:
    int addColumn(const QString &name)
    {
        m_columns << q(name);
        return int(m_columns.size() - 1);
    }

    void reserve(std::size_t n)
    {
        m_snap.fids.reserve(n);
        if (m_isPoint) {
            m_snap.x.reserve(n);
            m_snap.y.reserve(n);
        } else {
            m_snap.geometries.reserve(n);
        }
        if (m_timeCol >= 0)
            m_snap.time.reserve(n);
        if (m_endCol >= 0)
            m_snap.endTime.reserve(n);
        if (m_catCol >= 0)
            m_snap.category.reserve(n);
        if (m_labelCol >= 0)
            m_snap.labels.reserve(n);
    }

    void readGeometry(std::int64_t fid, const unsigned char *blob, int size)
    {
        Geometry g;
        const std::string why = detail::parseWkb(blob, std::size_t(size), g);
        if (!why.empty())
            throw Exception(ErrorCode::Damaged,
                            StoreTr::tr("Layer \"%1\" of %2, feature %3: unreadable geometry "
                                        "(%4).")
                                .arg(m_snap.manifest.id, m_storePath, argText(fid),
                                     QString::fromStdString(why)));
        m_minX = std::min(m_minX, g.bounds.left());
        m_maxX = std::max(m_maxX, g.bounds.right());
        m_minY = std::min(m_minY, g.bounds.top());
        m_maxY = std::max(m_maxY, g.bounds.bottom());
        m_snap.geometries.push_back(std::move(g));
    }

    void readAttributes(sqlite3_stmt *st)
    {
        if (m_timeCol >= 0) {
            const std::int64_t t = columnTime(st, m_timeCol);
            m_snap.time.push_back(t);
            if (t != LayerSnapshot::kNoTime) {
                m_minT = std::min(m_minT, t);
                m_maxT = std::max(m_maxT, t);
            }
        }
        if (m_endCol >= 0) {
            const std::int64_t t = columnTime(st, m_endCol);
            m_snap.endTime.push_back(t);
            if (t != LayerSnapshot::kNoTime)
                m_maxT = std::max(m_maxT, t);
        }
        if (m_catCol >= 0)
            m_snap.category.push_back(categoryIndex(st));
        if (m_labelCol >= 0) {
            const auto *t = reinterpret_cast<const char *>(sqlite3_column_text(st, m_labelCol));
            m_snap.labels.push_back(t ? QString::fromUtf8(t, sqlite3_column_bytes(st, m_labelCol))
                                      : QString());
        }
        for (auto &[c, vec] : m_numberCols)
            vec->push_back(sqlite3_column_type(st, c) == SQLITE_NULL
                               ? std::numeric_limits<double>::quiet_NaN()
                               : sqlite3_column_double(st, c));
    }

    /// The index of the row's category in the manifest, -1 for none or an unknown one.
    std::int16_t categoryIndex(sqlite3_stmt *st) const
    {
        const auto *t = reinterpret_cast<const char *>(sqlite3_column_text(st, m_catCol));
        if (!t)
            return -1;
        const int len = sqlite3_column_bytes(st, m_catCol);
        for (std::size_t c = 0; c < m_catValues.size(); ++c)
            if (m_catValues[c].size() == len &&
                std::memcmp(m_catValues[c].constData(), t, std::size_t(len)) == 0)
                return std::int16_t(c);
        return -1;
    }

    LayerSnapshot &m_snap;
    const QString &m_storePath;
    const bool m_isPoint;
    QStringList m_columns;
    int m_timeCol = -1, m_endCol = -1, m_catCol = -1, m_labelCol = -1;
    std::vector<std::pair<int, std::vector<double> *>> m_numberCols;
    std::vector<QByteArray> m_catValues;
    double m_minX = std::numeric_limits<double>::infinity(), m_minY = m_minX;
    double m_maxX = -m_minX, m_maxY = -m_minX;
    std::int64_t m_minT = std::numeric_limits<std::int64_t>::max();
    std::int64_t m_maxT = std::numeric_limits<std::int64_t>::min();
};

} // namespace

Result<LayerSnapshotPtr> Store::loadSnapshot(const QString &layerId,
                                             analytics::Feedback *feedback) const
{
    try {
        return captureErrors([&]() -> LayerSnapshotPtr {
            auto manifest = layer(layerId);
            if (!manifest)
                throw Exception(
                    ErrorCode::UnknownLayer,
                    StoreTr::tr("The workspace %1 has no layer \"%2\".").arg(m_path, layerId));
            auto snap = std::make_shared<LayerSnapshot>();
            snap->manifest = std::move(*manifest);
            const LayerManifest &m = snap->manifest;
            if (m.geometryType == GeometryType::Raster) {
                snap->raster = readRaster(m.id);
                if (!snap->raster)
                    throw Exception(ErrorCode::Damaged,
                                    StoreTr::tr("The raster layer \"%1\" of %2 has no grid.")
                                        .arg(m.id, m_path));
                const analytics::GridSpec &g = snap->raster->grid;
                snap->extent = QRectF(QPointF(g.xMin, g.yMin), QPointF(g.xMax(), g.yMax()));
                return snap;
            }
            std::int64_t total = 0;
            {
                Stmt c(m_db, QStringLiteral("SELECT count(*) FROM %1").arg(q(m.id)));
                total = c.step() ? c.int64(0) : 0;
            }
            SnapshotReader reader(*snap, total, m_path);
            Stmt s(m_db, QStringLiteral("SELECT %1 FROM %2 ORDER BY fid")
                             .arg(reader.columns().join(QLatin1Char(',')), q(m.id)));
            std::int64_t row = 0;
            const std::int64_t step = 32768;
            if (feedback)
                feedback->setProgress(0.0);
            while (s.step()) {
                if (++row % step == 0 && feedback) {
                    if (feedback->isCanceled())
                        throw analytics::Canceled{};
                    feedback->setProgress(total > 0 ? 100.0 * double(row) / double(total) : 0.0);
                }
                reader.read(s.get());
            }
            reader.finish();
            if (feedback)
                feedback->setProgress(100.0);
            return snap;
        });
    } catch (const analytics::Canceled &) {
        return Error{ErrorCode::Canceled,
                     StoreTr::tr("Loading layer \"%1\" was canceled.").arg(layerId)};
    }
}

Result<QHash<QString, std::int64_t>> Store::featuresByKey(const QString &layerId,
                                                          const QString &field) const
{
    return captureErrors([&] {
        auto m = layer(layerId);
        if (!m)
            throw Exception(
                ErrorCode::UnknownLayer,
                StoreTr::tr("The workspace %1 has no layer \"%2\".").arg(m_path, layerId));
        const FieldDef *f = m->field(field);
        if (!f || f->type != FieldType::String)
            throw Exception(
                ErrorCode::InvalidInput,
                StoreTr::tr("Layer \"%1\" has no text field \"%2\".").arg(layerId, field));
        Stmt s(m_db, QStringLiteral("SELECT %1, fid FROM %2 WHERE %1 IS NOT NULL")
                         .arg(q(field), q(layerId)));
        QHash<QString, std::int64_t> out;
        while (s.step())
            out.insert(s.text(0), s.int64(1));
        return out;
    });
}

Result<QVariantMap> Store::attributes(const QString &layerId, std::int64_t fid) const
{
    return captureErrors([&] {
        auto m = layer(layerId);
        if (!m)
            throw Exception(
                ErrorCode::UnknownLayer,
                StoreTr::tr("The workspace %1 has no layer \"%2\".").arg(m_path, layerId));
        QStringList cols{QStringLiteral("fid")};
        for (const FieldDef &f : m->fields)
            cols << q(f.name);
        cols << QStringLiteral("_source") << QStringLiteral("_hub_id")
             << QStringLiteral("_hub_updated_at");
        const bool v2 = schemaVersion() >= 2;
        if (v2)
            cols << QStringLiteral("_synced_at");
        Stmt s(m_db, QStringLiteral("SELECT %1 FROM %2 WHERE fid = ?")
                         .arg(cols.join(QLatin1Char(',')), q(layerId)));
        s.bind(1, fid);
        if (!s.step())
            throw Exception(
                ErrorCode::InvalidInput,
                StoreTr::tr("Layer \"%1\" has no feature %2.").arg(layerId, argText(fid)));
        QVariantMap out;
        out.insert(QStringLiteral("fid"), QVariant::fromValue<qint64>(s.int64(0)));
        int c = 1;
        for (const FieldDef &f : m->fields)
            out.insert(f.name, fieldValue(s, c++, f.type));
        for (const char *p : {"_source", "_hub_id", "_hub_updated_at", "_synced_at"}) {
            if (!v2 && std::strcmp(p, "_synced_at") == 0)
                break;
            out.insert(QLatin1String(p), s.isNull(c) ? QVariant() : QVariant(s.text(c)));
            ++c;
        }
        return out;
    });
}

Result<CheckReport> Store::check() const
{
    return captureErrors([&] {
        CheckReport report;
        {
            Stmt s(m_db, QStringLiteral("PRAGMA integrity_check"));
            while (s.step()) {
                const QString line = s.text(0);
                if (line != QLatin1String("ok") && report.problems.size() < 20)
                    report.problems << line;
            }
        }
        if (!report.problems.isEmpty())
            return report; // the rest reads the damaged pages again: stop here
        const detail::SchemaAudit audit = detail::auditSchema(m_db, schemaVersion());
        for (const QString &t : audit.unknownTriggers)
            report.problems << StoreTr::tr("trigger \"%1\" was not written by Vigie or SpatiaLite "
                                           "(it would run on every change)")
                                   .arg(t);
        for (const QString &d : audit.unsafeDefinitions)
            report.problems << StoreTr::tr("\"%1\" holds code that Vigie and SpatiaLite do not "
                                           "write (a CHECK, a DEFAULT expression, a generated "
                                           "column or an index on an expression)")
                                   .arg(d);
        for (const detail::SchemaObject &o : audit.regenerate)
            report.problems << StoreTr::tr("the SQL object \"%1\" is missing or differs from "
                                           "what Vigie writes")
                                   .arg(o.name);
        for (const QString &o : audit.unknownOthers)
            report.notes << StoreTr::tr("the SQL object \"%1\" was not created by Vigie "
                                        "(harmless)")
                                .arg(o);
        // Spatial indexes: the tree itself, and one entry per geometry.
        Stmt g(m_db, QStringLiteral("SELECT f_table_name, f_geometry_column FROM "
                                    "geometry_columns WHERE spatial_index_enabled = 1"));
        while (g.step()) {
            const QString table = g.text(0), column = g.text(1);
            const QString index = QStringLiteral("idx_%1_%2").arg(table, column);
            Stmt c(m_db, QStringLiteral("SELECT rtreecheck(?)"));
            c.bind(1, index);
            if (c.step() && c.text(0) != QLatin1String("ok"))
                report.problems << StoreTr::tr("the spatial index of \"%1\" is damaged: %2")
                                       .arg(table, c.text(0).left(200));
            Stmt n(m_db, QStringLiteral("SELECT (SELECT count(*) FROM %1), (SELECT count(*) FROM "
                                        "%2 WHERE %3 IS NOT NULL)")
                             .arg(q(index), q(table), q(column)));
            if (n.step() && n.int64(0) != n.int64(1))
                report.problems << StoreTr::tr("the spatial index of \"%1\" has %2 entries for %3 "
                                               "geometries")
                                       .arg(table, QString::number(n.int64(0)),
                                            QString::number(n.int64(1)));
        }
        // Manifests and raster grids.
        try {
            for (const LayerManifest &m : layers()) {
                if (m.geometryType != GeometryType::Raster)
                    continue;
                try {
                    if (!readRaster(m.id))
                        report.problems
                            << StoreTr::tr("the raster layer \"%1\" has no grid").arg(m.id);
                } catch (const Exception &e) {
                    report.problems << e.error().message;
                }
            }
        } catch (const Exception &e) {
            report.problems << e.error().message;
        }
        return report;
    });
}

Result<void> Store::checkIntegrity() const
{
    auto report = check();
    if (!report)
        return report.error();
    if (!report->sound())
        return Error{ErrorCode::Damaged,
                     StoreTr::tr("The workspace %1 is damaged: %2")
                         .arg(m_path, report->problems.mid(0, 5).join(QStringLiteral("; ")))};
    return {};
}

Result<void> Store::saveCopy(const QString &path) const
{
    return captureErrors([&] {
        if (QFileInfo::exists(path) || QFileInfo(path).isSymLink())
            throw Exception(
                ErrorCode::Io,
                StoreTr::tr("Cannot copy the workspace to %1: the file already exists.").arg(path));
        const QString temporary = path + QStringLiteral(".part");
        QFile::remove(temporary);
        const QByteArray file = QFile::encodeName(temporary);
        {
            const detail::AllowAttach allow(m_db, file);
            Stmt s(m_db, QStringLiteral("VACUUM INTO ?"));
            sqlite3_bind_text(s.get(), 1, file.constData(), int(file.size()), SQLITE_TRANSIENT);
            try {
                s.step();
            } catch (const Exception &) {
                QFile::remove(temporary);
                throw;
            }
        }
        if (!QFile::rename(temporary, path)) {
            QFile::remove(temporary);
            throw Exception(ErrorCode::Io,
                            StoreTr::tr("Cannot copy the workspace to %1.").arg(path));
        }
    });
}

Result<CheckReport> Store::repair()
{
    return captureErrors([&] {
        requireWritable();
        const auto before = check();
        before.orThrow();
        CheckReport report;
        m_audit = std::make_unique<detail::SchemaAudit>(detail::auditSchema(m_db, schemaVersion()));
        for (const detail::SchemaObject &o : m_audit->regenerate)
            report.repaired << StoreTr::tr("SQL object \"%1\" recreated").arg(o.name);
        for (const QString &t : m_audit->unknownTriggers)
            report.repaired << StoreTr::tr("trigger \"%1\" removed").arg(t);
        repairSchema(true);
        // Spatial indexes that are damaged or incomplete are rebuilt from the geometries.
        Stmt g(m_db, QStringLiteral("SELECT f_table_name, f_geometry_column FROM "
                                    "geometry_columns WHERE spatial_index_enabled = 1"));
        std::vector<std::pair<QString, QString>> indexes;
        while (g.step())
            indexes.emplace_back(g.text(0), g.text(1));
        for (const auto &[table, column] : indexes) {
            const QString index = QStringLiteral("idx_%1_%2").arg(table, column);
            bool ok = true;
            {
                Stmt c(m_db, QStringLiteral("SELECT rtreecheck(?)"));
                c.bind(1, index);
                ok = c.step() && c.text(0) == QLatin1String("ok");
                Stmt n(m_db, QStringLiteral("SELECT (SELECT count(*) FROM %1), (SELECT count(*) "
                                            "FROM %2 WHERE %3 IS NOT NULL)")
                                 .arg(q(index), q(table), q(column)));
                ok = ok && n.step() && n.int64(0) == n.int64(1);
            }
            if (ok)
                continue;
            Savepoint sp(*this);
            detail::bulkLoadRTree(m_db, table, column, index);
            sp.release();
            report.repaired << StoreTr::tr("spatial index of \"%1\" rebuilt").arg(table);
        }
        const auto after = check();
        after.orThrow();
        report.problems = after->problems;
        report.notes = after->notes;
        return report;
    });
}

} // namespace vigie::core
