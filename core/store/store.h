// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../analytics/grid.h"
#include "../layermanifest.h"
#include "../layersnapshot.h"
#include "../qgisstyle.h"
#include "../result.h"

#include <QByteArray>
#include <QHash>
#include <QRectF>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <QVariantList>
#include <QVariantMap>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace vigie::analytics {
class Feedback;
}

namespace vigie::core {

namespace detail {
struct SchemaAudit;
}

/// What Store::check() found.
struct CheckReport
{
    QStringList problems; ///< damage or tampering: the workspace is not sound
    QStringList notes;    ///< worth knowing, harmless (objects a QGIS user added, ...)
    QStringList repaired; ///< what repair() changed
    bool sound() const { return problems.isEmpty(); }
};

/// One feature to write: geometry as 2D ISO WKB in Lambert-93, values in manifest field order.
struct FeatureRecord
{
    std::vector<unsigned char> wkb;
    QVariantList values;  ///< one per LayerManifest::fields entry (null QVariant allowed)
    QString source;       ///< provenance: "demo", "import:<file>", "hub:<url>"
    QString hubId;        ///< stable id on the hub (empty when not from the hub)
    QString hubUpdatedAt; ///< hub's updated_at, ISO 8601 (empty when not from the hub)
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
/// Which features Store::readFeatures() reads (every one by default).
struct FeatureQuery
{
    /// The period [from, to) on the layer's time field, by each record's start; kNoTime leaves
    /// that side open. A period on a layer without a time field is an error.
    std::int64_t from = LayerSnapshot::kNoTime;
    std::int64_t to = LayerSnapshot::kNoTime;
    QStringList categories;         ///< values of the category field; empty: all
    std::vector<std::int64_t> fids; ///< a selection; empty: all
};

/// One feature as Store::readFeatures() gives it.
struct FeatureRow
{
    std::int64_t fid = 0;
    QByteArray wkb;      ///< ISO WKB in Lambert-93; empty without a geometry
    QVariantList values; ///< one per LayerManifest::fields entry, typed as attributes() does
};

class Store
{
public:
    /// The schema version this build writes. Older files are migrated on open.
    static constexpr int kSchemaVersion = 6;
    /// The oldest schema this build reads without upgrading it (read-only opens): schema 4
    /// changed only declared column types, which reading does not depend on.
    static constexpr int kReadableFromSchema = 3;
    /// No stored coordinate is farther than this from the origin of Lambert-93 (metres):
    /// anything beyond is not Lambert-93 (degrees taken for metres, overflowing values).
    static constexpr double kCoordinateLimit = 1.0e8;
    /// PRAGMA application_id of a Vigie workspace ("VIGE").
    static constexpr std::int32_t kApplicationId = 0x56494745;

    ~Store();
    Store(const Store &) = delete;
    Store &operator=(const Store &) = delete;

    /// Creates a new, empty workspace. Fails if the file exists.
    static Result<std::unique_ptr<Store>> create(const QString &path);
    /// Opens an existing workspace, migrating an older schema. A file that is not a Vigie
    /// workspace, or a damaged one, gives an error and is left untouched (opened read-only
    /// until identified). Nothing of the file's schema is trusted: SQLite runs in defensive mode
    /// with trusted_schema off, and Vigie's and SpatiaLite's own triggers and indexes are
    /// compared with this build's templates (recreated from them when they differ).
    ///
    /// The store opens read-only, with readOnlyReason() saying why, when readOnly is asked, when
    /// the file, its folder or its file system is read-only, or when it holds triggers nobody
    /// here wrote; reading works, writing fails with that reason. It is checked (quick_check)
    /// before its first write: a damaged store is never written to. readOnly never migrates: an
    /// older store then gives an error.
    static Result<std::unique_ptr<Store>> open(const QString &path, bool readOnly = false);
    /// Opens for check --repair: like open(), but writable despite unknown triggers so that
    /// repair() can remove them.
    static Result<std::unique_ptr<Store>> openForRepair(const QString &path);
    /// For tests of migrations only: creates a workspace at an older schema version.
    static Result<std::unique_ptr<Store>> createAtVersion(const QString &path, int version);

    QString path() const { return m_path; }
    int schemaVersion() const;
    bool isReadOnly() const { return m_readOnly; }
    /// Why the store is read-only (translated, lower case, no final stop); empty when writable.
    QString readOnlyReason() const { return m_readOnly ? m_readOnlyReason : QString(); }
    /// Throws core::Exception when the store cannot be written (read-only, or damaged: checked
    /// once with quick_check before the first write).
    void requireWritable();

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
    /// Writes each vector layer's QGIS style (layer_styles, docs/store.md) drawn as Vigie draws
    /// it, with what the user changed in `options` (by layer id). Styles saved by QGIS users
    /// are kept; Vigie's own rows are replaced. Joins an open Transaction.
    Result<void> writeQgisStyles(const QHash<QString, QgisStyleOptions> &options);

    std::int64_t featureCount(const QString &layerId) const; ///< 0 for raster layers
    bool isRasterLayer(const QString &id) const;
    /// Writes (replaces) the grid of a raster layer added with addLayer(); stored as float32.
    void writeRaster(const QString &layerId, const analytics::Raster &raster); // throws Exception
    /// The grid of a raster layer, or null when it has none.
    std::shared_ptr<const analytics::Raster> readRaster(const QString &layerId) const; // throws
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
        bool m_outermost = false;
    };
    /// Bumped while a Transaction is open (addLayer() then joins it instead of starting one).
    int transactionDepth() const { return m_txDepth; }

    /// Prepared insert into a layer table; use inside a Transaction. add() throws Exception
    /// naming the layer and the feature on a bad geometry or value.
    class Inserter
    {
    public:
        Inserter(Store &store, const QString &layerId);
        ~Inserter();
        std::int64_t add(const FeatureRecord &record);
        /// Overwrites feature `fid` (its fields, geometry, source and time of writing) with
        /// `record` when a field or the geometry differs; true when it changed. The same
        /// checks as add(). For imports run again over the same records (a source key).
        bool replace(std::int64_t fid, const FeatureRecord &record);
        Inserter(const Inserter &) = delete;
        Inserter &operator=(const Inserter &) = delete;

    private:
        /// Binds the record's field values from parameter 1 on; throws what add() throws.
        void bindValues(sqlite3_stmt *st, const FeatureRecord &record);
        Exception badFeature(const QString &why) const;
        void stepWrite(sqlite3_stmt *st);
        Store *m_store;
        LayerManifest m_manifest;
        sqlite3_stmt *m_stmt = nullptr;
        sqlite3_stmt *m_update = nullptr;
        QString m_syncedAt;
        QByteArray m_syncedAtUtf8;
        QByteArray m_source;
        std::int64_t m_index = 0; ///< 1-based number of the feature being added
        bool m_hasSyncedAt = false;
        bool m_bulk = false;
        int m_categoryIndex = -1; ///< the category field, checked against the manifest
        QSet<QString> m_categories;
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
    /// The features of a vector layer that `query` picks, in fid order, one by one to `sink`
    /// (which returns false to stop); cancellable. Returns how many were given.
    Result<std::int64_t> readFeatures(const QString &layerId, const FeatureQuery &query,
                                      const std::function<bool(const FeatureRow &)> &sink,
                                      analytics::Feedback *feedback = nullptr) const;
    /// The features of a layer by the value of one of its text fields (a source key): value ->
    /// fid, for the rows where it is set.
    Result<QHash<QString, std::int64_t>> featuresByKey(const QString &layerId,
                                                       const QString &field) const;

    /// The whole file checked: SQLite's integrity_check, the schema against this build's
    /// templates, every spatial index (rtreecheck and entry counts), every raster grid and
    /// every manifest. Reading only.
    Result<CheckReport> check() const;
    /// check(), as an error describing the first problems when it finds any.
    Result<void> checkIntegrity() const;
    /// Writes a consistent copy of the workspace to a new file (VACUUM INTO a temporary file
    /// beside it, then renamed: never a half-written copy). Fails if the file exists.
    Result<void> saveCopy(const QString &path) const;
    /// Recreates Vigie's and SpatiaLite's objects from the templates, drops triggers nobody
    /// here wrote and rebuilds spatial indexes that check() finds wrong. Needs a writable store
    /// (openForRepair() for one with unknown triggers) that SQLite does not find damaged.
    Result<CheckReport> repair();

    // --- analysis catalogue (vigie_analyses)
    // ------------------------------------------------------
    /// One run of an analysis, scenario or forecast kept in the workspace.
    struct AnalysisRecord
    {
        QString id;
        QString kind; ///< the algorithm's id
        QString title;
        QString inputLayer;
        QString resultLayer; ///< empty when the run made no layer
        QVariantMap parameters;
        QVariantMap summary;
        QString createdAt; ///< filled by addAnalysisRecord() (now())
    };
    /// Adds a run to the catalogue (inside the caller's transaction). Throws Exception.
    void addAnalysisRecord(const AnalysisRecord &record);
    /// Every run, oldest first. Throws Exception.
    std::vector<AnalysisRecord> analysisRecords() const;
    bool hasAnalysisRecord(const QString &id) const; // throws Exception
    /// Removes a run from the catalogue (inside the caller's transaction). Throws Exception.
    void removeAnalysisRecord(const QString &id);
    /// A numeric field of a layer by feature id (NULL reads as 0). Throws Exception when the
    /// layer or the field is unknown.
    std::unordered_map<std::int64_t, double> numbersByFid(const QString &layerId,
                                                          const QString &field) const;
    /// A field of a layer as text by feature id (NULL reads as empty). Throws Exception when
    /// the layer or the field is unknown.
    std::unordered_map<std::int64_t, QString> textsByFid(const QString &layerId,
                                                         const QString &field) const;

    /// The raw connection: core/store only (other modules use Statement; a lint test fails
    /// on any use of it or of sqlite3 outside core/store).
    sqlite3 *handle() const { return m_db; }
    /// Executes SQL without results; throws Exception with the SQLite message.
    void exec(const QString &sql) const;
    /// Rows changed by the last INSERT, UPDATE or DELETE.
    std::int64_t changes() const;
    /// Row id of the last INSERT.
    std::int64_t lastInsertId() const;
    /// GEOS's reason why a WKB geometry is invalid (through SpatiaLite), empty when valid.
    QString invalidReason(const void *wkb, std::size_t size) const;

    // --- determinism (demo generator, tests) ---------------------------------------------------
    /// Fixes the timestamp ("YYYY-MM-DDTHH:MM:SSZ") written for created_at / updated_at /
    /// _synced_at instead of the wall clock, and records it as meta "deterministic_clock" so that
    /// later sessions on this file keep using it. An empty string returns to the wall clock.
    void setClock(const QString &iso); // throws Exception
    /// The timestamp written now: the fixed clock if set, else the current UTC time.
    QString now() const;
    /// Rewrites the timestamps SpatiaLite writes by itself (spatialite_history,
    /// geometry_columns_time, sql_statements_log) and Vigie's own (vigie_meta created_at,
    /// vigie_layers) to the fixed clock, then VACUUMs: two stores written the same way with the
    /// same clock are then byte-identical. Needs setClock() first; not inside a Transaction.
    Result<void> normaliseForDeterminism();

private:
    Store() = default;
    enum class Access { ReadOnly, ReadWrite, Create };
    enum class OpenMode { ReadOnly, ReadWrite, Repair };
    static Result<std::unique_ptr<Store>> createImpl(const QString &path, int version);
    static Result<std::unique_ptr<Store>> openImpl(const QString &path, OpenMode mode);
    void openConnection(Access access);          // throws
    void identify(bool checkDeep);               // throws; read-only checks of a file
    void verify();                               // throws; quick_check once, read-only when damaged
    void repairSchema(bool dropUnknownTriggers); // throws
    void migrate(int from, int to);              // throws; each step in one transaction
    void migrateTo1();
    void migrateTo2();
    void migrateTo3(); ///< sync state and log, analyses catalogue
    void migrateTo4(); ///< date-time fields declared DATETIME
    void migrateTo5(); ///< QGIS styles (layer_styles)
    void migrateTo6(); ///< rasters also as GDAL Rasterlite tiles
    /// Replaces the Rasterlite tables of a raster layer with `raster`'s tiles. Throws.
    void writeRasterTiles(const QString &layerId, const analytics::Raster &raster);
    /// Drops a SpatiaLite table with its geometry column, spatial index and statistics. Throws.
    void dropSpatialTable(const QString &table, const QString &column);
    /// Replaces Vigie's row of layer_styles for one layer (none for a raster). Throws.
    void writeQgisStyle(const LayerManifest &manifest, const QgisStyleOptions &options);
    void rebuildFeatureTable(const LayerManifest &manifest);             // throws
    void createFeatureTable(const LayerManifest &manifest, int version); // throws
    void upgradeFeatureTableTo2(const LayerManifest &manifest);          // throws
    void close();
    sqlite3 *m_db = nullptr;
    void *m_spatialiteCache = nullptr;
    QString m_path;
    bool m_readOnly = false;
    QString m_readOnlyReason;
    bool m_immutable = false; ///< read without locks (a folder this process cannot write)
    bool m_verified = false;  ///< quick_check passed on this connection
    std::unique_ptr<detail::SchemaAudit> m_audit;
    QString m_clock;
    int m_txDepth = 0;
    /// Bulk loading inside a transaction: SpatiaLite's per-row R*Tree trigger is dropped while
    /// Inserters run and the index is filled in one statement before commit (same result, ~5x
    /// faster). The triggers are restored by finishBulk() or by the rollback.
    struct BulkLayer
    {
        QString layer;
        QByteArray indexTriggerSql;
        QByteArray timeTriggerSql;
        QByteArray timeIndexSql; ///< dropped while loading an empty table, rebuilt sorted
        std::int64_t fromFid = 0;
        bool indexWasEmpty = false; ///< then the R*Tree is packed directly (rtreeloader.h)
        int users = 0;
        int depth = 0;
    };
    std::vector<BulkLayer> m_bulk;
    std::vector<std::string> m_changedTables; ///< tables written since the last commit
    /// Row counts and exact extents in SpatiaLite's geometry_columns_statistics for the layers
    /// written in this transaction, so that QGIS (both providers) and GDAL read them right.
    void refreshStatistics(); // throws
    bool m_bulkFailed = false;
    void beginBulk(const QString &layerId); // throws
    void endBulk(const QString &layerId);   // finishes the layer when its last user ends
    void finishBulk(BulkLayer &bulk);       // throws
    void finishAllBulk();                   // throws
    friend class Transaction;
    friend class Inserter;
};

/// Normalises a datetime value to "YYYY-MM-DDTHH:MM:SSZ" (UTC); empty when not a datetime.
QString toIsoUtc(const QVariant &value);
/// Parses "YYYY-MM-DDTHH:MM:SS[Z]" fast to seconds since epoch; LayerSnapshot::kNoTime if bad.
std::int64_t parseIsoUtc(const QString &iso);

} // namespace vigie::core
