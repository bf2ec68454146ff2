// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../layermanifest.h"
#include "../result.h"
#include "timeparse.h"

#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

class OGRFeature;
class OGRFeatureDefn;
class OGRLayer;

namespace vigie::core {

/**
 * How the columns of a records export fill a layer: saved by the workspace for each layer it
 * was used on (so next month's file imports in one step) and in a mapping file
 * (`vigie-cli import --mapping-file`). JSON: {"vigieMapping": 1, "fields": {target: column},
 * "dateOrder": "dmy", "timeZone": "Europe/Paris", "categories": {source value: category}}.
 *
 * Targets are the layer's field names and these roles:
 *  - occurred_at: the date (or date and time) of the record, the layer's time field;
 *    occurred_time: a separate time-of-day column completing it;
 *  - occurred_to, occurred_to_time: the end of a span known only between two times;
 *  - category: the layer's category field;
 *  - source_key: a column, or columns joined by "+", naming a record across imports: a record
 *    imported again replaces the one with the same key instead of being added twice;
 *  - x, y: the coordinate columns of a table (read in "crs", the mapping's CRS of the source).
 */
struct FieldMapping
{
    QHash<QString, QString> fields; ///< target -> source column (as the file spells it)
    DateOrder dateOrder = DateOrder::Auto;
    QString timeZone = QStringLiteral("Europe/Paris");
    QHash<QString, QString> categories; ///< source value -> category value
    QString crs; ///< the source's CRS when it does not say ("EPSG:4326"), empty to read it

    bool isEmpty() const { return fields.isEmpty(); }
    QJsonObject toJson() const;
    static Result<FieldMapping> fromJson(const QByteArray &json, const QString &origin);
    /// Parses "target=column" (the --map option); false when it is not of that form.
    bool addAssignment(const QString &assignment);
};

/// A first mapping for a source from its column names, as French and English exports name them:
/// the date and time of the record, the end of a span, the category and a record key
/// ("Date faits", "Heure", "date_fin", "Nature", "N° dossier", "month", "crime_type",
/// "crime_id"). Columns about something else (a modification date, a birth date) are left.
FieldMapping suggestMapping(const QStringList &columns);

class Store;

/// The mapping last used to import into `layerId` in this workspace (the importer keeps it),
/// nullopt when there is none.
std::optional<FieldMapping> savedMapping(const Store &store, const QString &layerId);
/// The workspace metadata key holding it.
QString savedMappingKey(const QString &layerId);

/// The roles a mapping may name besides the layer's fields.
namespace mappingtarget {
inline const QString occurredAt = QStringLiteral("occurred_at");
inline const QString occurredTime = QStringLiteral("occurred_time");
inline const QString occurredTo = QStringLiteral("occurred_to");
inline const QString occurredToTime = QStringLiteral("occurred_to_time");
inline const QString category = QStringLiteral("category");
inline const QString sourceKey = QStringLiteral("source_key");
inline const QString timePrecision = QStringLiteral("time_precision");
inline const QString x = QStringLiteral("x");
inline const QString y = QStringLiteral("y");
} // namespace mappingtarget

namespace detail {

/// A FieldMapping applied to one source: the columns it reads, the fields it fills, and each
/// record's dates, category and key. Throws Exception on columns the source lacks.
class MappedFields
{
public:
    MappedFields(const FieldMapping &mapping, OGRFeatureDefn *defn, const QString &path);

    bool isEmpty() const { return m_mapping.isEmpty(); }
    /// The source columns read by the mapping's roles (not imported as fields of their own).
    const QSet<int> &consumedColumns() const { return m_consumed; }
    /// The column a plain field of the layer is mapped to, -1 when none.
    int plainColumn(const QString &field) const;

    /// Adds the role fields to a layer derived from the file, first, and sets its time, end
    /// time and category fields.
    void addRoleFields(LayerManifest &m) const;
    /// Binds to the layer's fields; throws when the layer cannot hold a mapped role.
    void bind(const LayerManifest &m, QStringList &warnings);
    /// Decides the date order from the first values when the mapping says "auto".
    void detectDateOrder(OGRLayer &layer, QStringList &warnings);

    /// Fills the role values of one record; an empty string when fine, else why the record
    /// cannot be used ("the date \"31/02/2026\" cannot be read").
    QString fill(OGRFeature &f, QVariantList &values) const;
    /// The record's source key (empty without a key): the key column's text, else a digest of
    /// the chosen columns (every column when the key column is empty), numbered by occurrence
    /// so that identical records stay distinct and the same file gives the same keys.
    QString sourceKey(OGRFeature &f);
    bool hasKey() const { return !m_keyColumns.isEmpty(); }
    int keyField() const { return m_keyField; }

    /// The category value of a record's source value (mapped, else itself); empty for none.
    QString categoryOf(OGRFeature &f) const;
    int categoryColumn() const { return m_categoryColumn; }
    int categoryField() const { return m_categoryField; }

private:
    int column(const QString &target) const;
    QString text(OGRFeature &f, int column) const;

    FieldMapping m_mapping;
    QString m_path;
    OGRFeatureDefn *m_defn;
    QHash<QString, int> m_columns; ///< target -> OGR column index
    QSet<int> m_consumed;
    QHash<int, int> m_original; ///< column -> the column of its text as read (CSV dates)
    DateReader m_reader;
    int m_startColumn = -1, m_startTimeColumn = -1, m_endColumn = -1, m_endTimeColumn = -1;
    int m_categoryColumn = -1;
    QList<int> m_keyColumns;
    // Indices in the bound manifest's fields, -1 when the layer has no such field.
    int m_timeField = -1, m_endField = -1, m_precisionField = -1, m_categoryField = -1;
    int m_keyField = -1;
    QHash<QByteArray, int> m_occurrences; ///< digest -> records seen with it
};

/// A colour for the n-th category of a layer made from a file: distinct hues (golden angle),
/// alternating lightness.
QString generatedCategoryColor(int index);

} // namespace detail
} // namespace vigie::core
