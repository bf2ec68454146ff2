// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../layermanifest.h"
#include "../layersnapshot.h"
#include "../result.h"

#include <QRectF>
#include <QString>
#include <QVariant>
#include <QVariantList>
#include <QVariantMap>

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace vigie::analytics {
class Feedback;
}

namespace vigie::core {

/// One feature to write: geometry as 2D ISO WKB in Lambert-93, values in manifest field order.
struct FeatureRecord
{
    std::vector<unsigned char> wkb;
    QVariantList values;      ///< one per LayerManifest::fields entry (null QVariant allowed)
    QString source;           ///< provenance: "demo", "import:<file>", "hub:<url>"
    QString hubId;            ///< stable id on the hub (empty when not from the hub)
    QString hubUpdatedAt;     ///< hub's updated_at, ISO 8601 (empty when not from the hub)
};

/**
 * A Vigie workspace: one SpatiaLite file holding a layer catalogue and one feature table per
 * layer, in Lambert-93 (EPSG:2154), with an R*Tree spatial index, a time index and provenance
 * columns. WAL mode. The schema is versioned and built by the same migrations that upgrade an
 * older file, so "create" is "migrate from nothing".
 *
 * A Store is used from one thread at a time. Writes go through Transaction: nothing is visible
 * (or left behind after a crash) until commit().
 */
class Store
{
public:
    /// The schema version this build writes. Older files are migrated on open.
    static constexpr int kSchemaVersion = 2;
    /// PRAGMA application_id of a Vigie workspace ("VIGE").
    static constexpr std::int32_t kApplicationId = 0x56494745;

    ~Store();
    Store(const Store &) = delete;
    Store &operator=(const Store &) = delete;

    /// Creates a new, empty workspace. Fails if the file exists.
    static Result<std::unique_ptr<Store>> create(const QString &path);
    /// Opens an existing workspace, migrating an older schema. A file that is not a Vigie
    /// workspace, or a damaged one, gives an error and is left untouched (opened read-only
    /// until identified). readOnly never migrates: an older store then gives an error.
    static Result<std::unique_ptr<Store>> open(const QString &path, bool readOnly = false);
    /// For tests of migrations only: creates a workspace at an older schema version.
    static Result<std::unique_ptr<Store>> createAtVersion(const QString &path, int version);

    QString path() const { return m_path; }
    int schemaVersion() const;
    bool isReadOnly() const { return m_readOnly; }

    /// Key-value metadata (vigie_meta): "created_by", "demo_seed", ...
    QString meta(const QString &key) const;
    void setMeta(const QString &key, const QString &value); // throws Exception

    // --- catalogue ---------------------------------------------------------------------------
    std::vector<LayerManifest> layers() const;
    bool hasLayer(const QString &id) const;
    std::optional<LayerManifest> layer(const QString &id) const;
    /// Creates the feature table, geometry column, spatial and time indexes, catalogue entry.
    Result<void> addLayer(const LayerManifest &manifest, const QString &source);
    Result<void> removeLayer(const QString &id);

    std::int64_t featureCount(const QString &layerId) const;
    QRectF extent(const QString &layerId) const;

    // --- writing -----------------------------------------------------------------------------
    /// RAII transaction: rolls back unless commit() was called.
    class Transaction
    {
    public:
        explicit Transaction(Store &store);
        ~Transaction();
        void commit(); // throws Exception
        Transaction(const Transaction &) = delete;
        Transaction &operator=(const Transaction &) = delete;

    private:
        Store *m_store;
        bool m_done = false;
    };

    /// Prepared insert into a layer table; use inside a Transaction. add() throws Exception
    /// naming the layer and the feature on a bad geometry or value.
    class Inserter
    {
    public:
        Inserter(Store &store, const QString &layerId);
        ~Inserter();
        std::int64_t add(const FeatureRecord &record);
        Inserter(const Inserter &) = delete;
        Inserter &operator=(const Inserter &) = delete;

    private:
        Store *m_store;
        LayerManifest m_manifest;
        sqlite3_stmt *m_stmt = nullptr;
        QString m_syncedAt;
    };

    /// Time series attached to a feature (e.g. traffic hourly counts): vigie_series table.
    void addSeriesValue(const QString &layerId, std::int64_t fid, const QString &isoTime,
                        double value); // throws Exception

    // --- reading -----------------------------------------------------------------------------
    /// Loads what drawing and filtering need; cancellable.
    Result<LayerSnapshotPtr> loadSnapshot(const QString &layerId,
                                          analytics::Feedback *feedback = nullptr) const;
    /// All attributes of one feature, for identify (field name -> value, plus provenance).
    Result<QVariantMap> attributes(const QString &layerId, std::int64_t fid) const;

    /// Runs PRAGMA integrity_check; returns an error describing the damage if any.
    Result<void> checkIntegrity() const;

    /// The raw connection, for other core modules (sync, import). SpatiaLite is loaded.
    sqlite3 *handle() const { return m_db; }
    /// Executes SQL without results; throws Exception with the SQLite message.
    void exec(const QString &sql) const;

private:
    Store() = default;
    sqlite3 *m_db = nullptr;
    void *m_spatialiteCache = nullptr;
    QString m_path;
    bool m_readOnly = false;
    friend class Transaction;
    friend class Inserter;
};

/// Normalises a datetime value to "YYYY-MM-DDTHH:MM:SSZ" (UTC); empty when not a datetime.
QString toIsoUtc(const QVariant &value);
/// Parses "YYYY-MM-DDTHH:MM:SS[Z]" fast to seconds since epoch; LayerSnapshot::kNoTime if bad.
std::int64_t parseIsoUtc(const QString &iso);

} // namespace vigie::core
