// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The SQL objects (triggers, views, indexes) a workspace may hold, as this build's own code
// writes them. Nothing of a workspace's schema is ever executed as SQL by Vigie: what needs to be
// (re)created comes from these templates, and a file's schema is compared with them.

#include "../layermanifest.h"

#include <QString>
#include <QStringList>

#include <vector>

struct sqlite3;

namespace vigie::core::detail {

/// A trigger, view or index.
struct SchemaObject
{
    QString type; ///< "trigger", "view" or "index"
    QString name;
    QString sql;
};

/// A file's schema compared with the templates.
struct SchemaAudit
{
    /// Objects Vigie or SpatiaLite create whose SQL differs from the template, or that are
    /// missing (a layer's spatial-index triggers): recreated from the template on repair.
    std::vector<SchemaObject> regenerate;
    /// Triggers nobody here wrote: they would run on Vigie's writes, so the file is not
    /// trusted for writing until they are removed (check --repair).
    QStringList unknownTriggers;
    /// Tables whose definition holds code (CHECK, DEFAULT (…), generated columns) and indexes
    /// on expressions or partial indexes that Vigie and SpatiaLite do not create: that code
    /// would run on Vigie's reads or writes, so the file is not trusted for writing either.
    QStringList unsafeDefinitions;
    /// Views and plain indexes Vigie does not create (e.g. made by a QGIS user): harmless.
    QStringList unknownOthers;
    bool needsRepair() const { return !regenerate.empty(); }
    bool trusted() const { return unknownTriggers.isEmpty() && unsafeDefinitions.isEmpty(); }
    /// What makes the file untrusted, for messages ("trigger x, table y").
    QStringList untrustedObjects() const;
};

/// The triggers SpatiaLite creates for a geometry column (geometry_columns codes: geometry_type,
/// coord_dimension 2..4, spatial_index_enabled 0..2), with table and column substituted.
std::vector<SchemaObject> geometryTriggers(const QString &table, const QString &column,
                                           int geometryType, int coordDimension, int spatialIndex);

/// The time index of a layer ("" when it has no time field) and its hub-id index (schema >= 2).
QString timeIndexSql(const LayerManifest &manifest);
QString hubIndexSql(const LayerManifest &manifest);

/// Compares the schema of db (geometry_columns, vigie_layers, sqlite_master) with the
/// templates. Throws core::Exception on a database error.
SchemaAudit auditSchema(sqlite3 *db, int schemaVersion);

/// Drops and recreates audit.regenerate from the templates, and drops the unknown triggers
/// when dropUnknownTriggers. Call inside a write transaction; throws core::Exception.
void repairSchema(sqlite3 *db, const SchemaAudit &audit, bool dropUnknownTriggers);

/// Runs one statement of Vigie's own SQL (a template), refusing any text after it. Throws.
void execTemplate(sqlite3 *db, const QString &sql);

} // namespace vigie::core::detail
