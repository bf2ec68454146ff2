// SPDX-License-Identifier: GPL-3.0-or-later
#include "fieldmapping.h"

#include "../argtext.h"
#include "../store/store.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonDocument>

#include <ogrsf_frmts.h>

#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <memory>

namespace vigie::core {

namespace {

struct MappingTr
{
    Q_DECLARE_TR_FUNCTIONS(vigie::Importer)
};

[[noreturn]] void fail(const QString &message)
{
    throw Exception(ErrorCode::InvalidInput, message);
}

/// A column name reduced to letters and digits, for "Crime type" = "crime_type" = "CRIME TYPE".
QString looseName(const QString &name)
{
    QString out;
    for (QChar c : name.normalized(QString::NormalizationForm_KD).toLower())
        if (c.isLetterOrNumber())
            out += c;
    return out;
}

bool isRole(const QString &target)
{
    using namespace mappingtarget;
    return target == occurredAt || target == occurredTime || target == occurredTo ||
           target == occurredToTime || target == category || target == sourceKey || target == x ||
           target == y;
}

FieldDef roleField(const char *name, FieldType type, const QString &fr, const QString &en)
{
    FieldDef f;
    f.name = QString::fromLatin1(name);
    f.type = type;
    f.label = {fr, en};
    return f;
}

} // namespace

QJsonObject FieldMapping::toJson() const
{
    QJsonObject f, c;
    for (auto it = fields.cbegin(); it != fields.cend(); ++it)
        f.insert(it.key(), it.value());
    for (auto it = categories.cbegin(); it != categories.cend(); ++it)
        c.insert(it.key(), it.value());
    QJsonObject o{{QStringLiteral("vigieMapping"), 1},
                  {QStringLiteral("fields"), f},
                  {QStringLiteral("dateOrder"), dateOrderName(dateOrder)},
                  {QStringLiteral("timeZone"), timeZone}};
    if (!c.isEmpty())
        o.insert(QStringLiteral("categories"), c);
    if (!crs.isEmpty())
        o.insert(QStringLiteral("crs"), crs);
    return o;
}

Result<FieldMapping> FieldMapping::fromJson(const QByteArray &json, const QString &origin)
{
    auto bad = [&](const QString &why) {
        return Error{ErrorCode::InvalidInput,
                     MappingTr::tr("%1 is not a field mapping: %2").arg(origin, why)};
    };
    if (json.size() > 1024 * 1024)
        return bad(MappingTr::tr("larger than 1 MB"));
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return bad(pe.error != QJsonParseError::NoError ? pe.errorString()
                                                        : MappingTr::tr("not a JSON object"));
    const QJsonObject o = doc.object();
    if (o.value(QStringLiteral("vigieMapping")).toInt() != 1)
        return bad(MappingTr::tr("\"vigieMapping\": 1 is missing"));
    FieldMapping m;
    const QJsonValue fv = o.value(QStringLiteral("fields"));
    if (!fv.isObject())
        return bad(MappingTr::tr("\"fields\" must be an object of field: column"));
    const QJsonObject fo = fv.toObject();
    for (auto it = fo.begin(); it != fo.end(); ++it) {
        if (!it.value().isString() || it.value().toString().isEmpty())
            return bad(MappingTr::tr("the column of \"%1\" must be a name").arg(it.key()));
        m.fields.insert(it.key(), it.value().toString());
    }
    const QString order = o.value(QStringLiteral("dateOrder")).toString(QStringLiteral("auto"));
    const auto parsed = dateOrderFromName(order);
    if (!parsed)
        return bad(MappingTr::tr("\"dateOrder\" must be auto, dmy or mdy"));
    m.dateOrder = *parsed;
    m.timeZone = o.value(QStringLiteral("timeZone")).toString(m.timeZone);
    if (!QTimeZone(m.timeZone.toUtf8()).isValid())
        return bad(MappingTr::tr("unknown time zone \"%1\"").arg(m.timeZone));
    m.crs = o.value(QStringLiteral("crs")).toString();
    const QJsonObject co = o.value(QStringLiteral("categories")).toObject();
    for (auto it = co.begin(); it != co.end(); ++it) {
        if (!it.value().isString())
            return bad(MappingTr::tr("the category of \"%1\" must be a text").arg(it.key()));
        m.categories.insert(it.key(), it.value().toString());
    }
    return m;
}

bool FieldMapping::addAssignment(const QString &assignment)
{
    const qsizetype eq = assignment.indexOf(QLatin1Char('='));
    if (eq <= 0 || eq == assignment.size() - 1)
        return false;
    fields.insert(assignment.left(eq).trimmed(), assignment.mid(eq + 1).trimmed());
    return true;
}

namespace {

/// The words of a column name, lower case, accents removed: "N° dossier" -> n, dossier.
QStringList nameWords(const QString &name)
{
    QStringList words;
    QString cur;
    for (QChar c : name.normalized(QString::NormalizationForm_KD).toLower()) {
        if (c.category() == QChar::Mark_NonSpacing)
            continue;
        if (c.isLetterOrNumber()) {
            cur += c;
        } else if (!cur.isEmpty()) {
            words << cur;
            cur.clear();
        }
    }
    if (!cur.isEmpty())
        words << cur;
    return words;
}

bool hasWord(const QStringList &words, std::initializer_list<const char *> wanted)
{
    for (const char *w : wanted)
        if (words.contains(QLatin1String(w)))
            return true;
    return false;
}

} // namespace

FieldMapping suggestMapping(const QStringList &columns)
{
    using namespace mappingtarget;
    FieldMapping m;
    auto offer = [&](const QString &target, const QString &column) {
        if (!m.fields.contains(target))
            m.fields.insert(target, column);
    };
    for (const QString &column : columns) {
        const QStringList w = nameWords(column);
        if (hasWord(w, {"modification", "modifie", "modif", "maj", "update", "updated", "creation",
                        "created", "saisie", "import", "naissance", "birth", "export"}))
            continue;
        const bool end = hasWord(w, {"fin", "end", "until", "jusqu", "to"});
        const bool date = hasWord(w, {"date", "jour", "day", "month", "mois", "datetime",
                                      "timestamp", "debut", "start", "occurred", "when"});
        const bool time = hasWord(w, {"heure", "time", "hour", "horaire"});
        if (time && !date)
            offer(end ? occurredToTime : occurredTime, column);
        else if (date)
            offer(end ? occurredTo : occurredAt, column);
        else if (hasWord(w, {"category", "categorie", "categories", "type", "nature", "infraction",
                             "qualification", "classe"}))
            offer(category, column);
        else if (hasWord(w, {"id", "identifiant", "numero", "num", "dossier", "reference", "ref",
                             "uuid", "key", "cle"}))
            offer(sourceKey, column);
    }
    if (!m.fields.contains(occurredAt)) { // a time or an end without a start is not a mapping
        m.fields.remove(occurredTime);
        m.fields.remove(occurredTo);
        m.fields.remove(occurredToTime);
    }
    if (!m.fields.contains(occurredTo))
        m.fields.remove(occurredToTime);
    return m;
}

QString savedMappingKey(const QString &layerId)
{
    return QStringLiteral("import_mapping/") + layerId;
}

std::optional<FieldMapping> savedMapping(const Store &store, const QString &layerId)
{
    const QString json = store.meta(savedMappingKey(layerId));
    if (json.isEmpty())
        return std::nullopt;
    auto m = FieldMapping::fromJson(json.toUtf8(), savedMappingKey(layerId));
    if (!m)
        return std::nullopt;
    return *m;
}

namespace detail {

MappedFields::MappedFields(const FieldMapping &mapping, OGRFeatureDefn *defn, const QString &path)
    : m_mapping(mapping), m_path(path), m_defn(defn),
      m_reader(mapping.dateOrder, QTimeZone(mapping.timeZone.toUtf8()))
{
    if (!mapping.timeZone.isEmpty() && !QTimeZone(mapping.timeZone.toUtf8()).isValid())
        fail(MappingTr::tr("Unknown time zone \"%1\" (for example Europe/Paris, UTC).")
                 .arg(mapping.timeZone));
    QStringList names;
    for (int i = 0; i < defn->GetFieldCount(); ++i)
        names << QString::fromUtf8(defn->GetFieldDefn(i)->GetNameRef());
    auto find = [&](const QString &wanted) {
        int loose = -1, looseCount = 0;
        for (int i = 0; i < names.size(); ++i) {
            if (names[i] == wanted)
                return i;
            if (looseName(names[i]) == looseName(wanted)) {
                loose = i;
                ++looseCount;
            }
        }
        return looseCount == 1 ? loose : -1;
    };
    // GDAL's CSV reader turns the columns it recognises as dates or times into its own
    // rendering ("14:05" -> "14:05:00") and keeps the text as read in "<column>_original":
    // the dates are read from that text, and the copies are never imported.
    for (int i = 0; i < names.size(); ++i) {
        static const QLatin1String suffix("_original");
        if (!names[i].endsWith(suffix))
            continue;
        const int base = int(names.indexOf(names[i].chopped(suffix.size())));
        if (base >= 0) {
            m_original.insert(base, i);
            m_consumed.insert(i);
        }
    }
    QStringList missing;
    for (auto it = mapping.fields.cbegin(); it != mapping.fields.cend(); ++it) {
        if (it.key() == mappingtarget::x || it.key() == mappingtarget::y) {
            // Read as the geometry when the file is opened; a copy kept for a source key is
            // not imported as a field.
            if (const int c = find(it.value()); c >= 0)
                m_consumed.insert(c);
            continue;
        }
        const QStringList parts = it.key() == mappingtarget::sourceKey
                                      ? it.value().split(QLatin1Char('+'), Qt::SkipEmptyParts)
                                      : QStringList{it.value()};
        for (const QString &part : parts) {
            const int c = find(part.trimmed());
            if (c < 0) {
                missing << part.trimmed();
                continue;
            }
            if (it.key() == mappingtarget::sourceKey)
                m_keyColumns << c;
            else
                m_columns.insert(it.key(), c);
            if (isRole(it.key()) || it.key() != names[c])
                m_consumed.insert(c);
        }
    }
    if (!missing.isEmpty())
        fail(MappingTr::tr("%1 has no column %2 (its columns: %3).")
                 .arg(path, missing.join(QStringLiteral(", ")),
                      names.join(QStringLiteral(", ")).left(600)));
    m_startColumn = column(mappingtarget::occurredAt);
    m_startTimeColumn = column(mappingtarget::occurredTime);
    m_endColumn = column(mappingtarget::occurredTo);
    m_endTimeColumn = column(mappingtarget::occurredToTime);
    m_categoryColumn = column(mappingtarget::category);
    if ((m_startTimeColumn >= 0 && m_startColumn < 0) || (m_endTimeColumn >= 0 && m_endColumn < 0))
        fail(MappingTr::tr("A time column is mapped without its date column (occurred_at, "
                           "occurred_to)."));
    if (m_endColumn >= 0 && m_startColumn < 0)
        fail(MappingTr::tr("An end (occurred_to) is mapped without a start (occurred_at)."));
}

int MappedFields::column(const QString &target) const
{
    return m_columns.value(target, -1);
}

int MappedFields::plainColumn(const QString &field) const
{
    return isRole(field) ? -1 : column(field);
}

void MappedFields::addRoleFields(LayerManifest &m) const
{
    std::vector<FieldDef> roles;
    if (m_startColumn >= 0) {
        roles.push_back(roleField("occurred_at", FieldType::DateTime,
                                  QStringLiteral("Date (début)"), QStringLiteral("Date (start)")));
        roles.push_back(roleField("occurred_to", FieldType::DateTime, QStringLiteral("Date (fin)"),
                                  QStringLiteral("Date (end)")));
        roles.push_back(roleField("time_precision", FieldType::String,
                                  QStringLiteral("Précision de la date"),
                                  QStringLiteral("Time precision")));
        m.timeField = mappingtarget::occurredAt;
        m.endTimeField = mappingtarget::occurredTo;
    }
    if (m_categoryColumn >= 0) {
        roles.push_back(roleField("category", FieldType::String, QStringLiteral("Catégorie"),
                                  QStringLiteral("Category")));
        m.categoryField = mappingtarget::category;
    }
    if (hasKey())
        roles.push_back(roleField("source_key", FieldType::String,
                                  QStringLiteral("Clé dans la source"),
                                  QStringLiteral("Source key")));
    // The file's own fields keep their names unless a role took it.
    std::vector<FieldDef> kept;
    for (FieldDef &f : m.fields)
        if (std::none_of(roles.begin(), roles.end(),
                         [&](const FieldDef &r) { return r.name == f.name; }))
            kept.push_back(std::move(f));
    roles.insert(roles.end(), kept.begin(), kept.end());
    m.fields = std::move(roles);
}

void MappedFields::bind(const LayerManifest &m, QStringList &warnings)
{
    auto indexOf = [&](const QString &name) {
        for (std::size_t i = 0; i < m.fields.size(); ++i)
            if (!name.isEmpty() && m.fields[i].name == name)
                return int(i);
        return -1;
    };
    m_timeField = indexOf(m.timeField);
    m_endField = indexOf(m.endTimeField);
    m_precisionField = indexOf(mappingtarget::timePrecision);
    m_categoryField = indexOf(m.categoryField);
    m_keyField = indexOf(mappingtarget::sourceKey);
    if (m_startColumn >= 0 && m_timeField < 0)
        fail(MappingTr::tr("Layer \"%1\" has no time field to hold occurred_at.").arg(m.id));
    if (m_categoryColumn >= 0 && m_categoryField < 0)
        fail(MappingTr::tr("Layer \"%1\" has no category field.").arg(m.id));
    if (hasKey() && (m_keyField < 0 || m.fields[std::size_t(m_keyField)].type != FieldType::String))
        fail(MappingTr::tr("Layer \"%1\" has no text field source_key to hold the source key.")
                 .arg(m.id));
    if (m_endColumn >= 0 && m_endField < 0)
        warnings << MappingTr::tr("Layer \"%1\" has no end time field: the spans are kept by "
                                  "their start.")
                        .arg(m.id);
    for (auto it = m_columns.cbegin(); it != m_columns.cend(); ++it)
        if (!isRole(it.key()) && indexOf(it.key()) < 0)
            fail(MappingTr::tr("Layer \"%1\" has no field \"%2\".").arg(m.id, it.key()));
}

void MappedFields::detectDateOrder(OGRLayer &layer, QStringList &warnings)
{
    if (m_mapping.dateOrder != DateOrder::Auto || m_startColumn < 0)
        return;
    QStringList samples;
    layer.ResetReading();
    for (int n = 0; n < 5000; ++n) {
        std::unique_ptr<OGRFeature> f(layer.GetNextFeature());
        if (!f)
            break;
        samples << text(*f, m_startColumn);
        if (m_endColumn >= 0)
            samples << text(*f, m_endColumn);
    }
    layer.ResetReading();
    const auto order = vigie::core::detectDateOrder(samples);
    m_reader = DateReader(order.value_or(DateOrder::DayMonthYear), m_reader.zone());
    static const QRegularExpression slash(QStringLiteral("^\\s*\\d{1,2}[/.-]\\d{1,2}[/.-]\\d"));
    const bool slashed = std::any_of(samples.begin(), samples.end(),
                                     [](const QString &s) { return slash.match(s).hasMatch(); });
    if (slashed)
        warnings << (order == DateOrder::MonthDayYear
                         ? MappingTr::tr("Dates read month first (12/03/2026 = 3 December).")
                         : MappingTr::tr("Dates read day first (03/12/2026 = 3 December)."));
}

QString MappedFields::text(OGRFeature &f, int column) const
{
    if (column < 0)
        return {};
    column = m_original.value(column, column);
    if (!f.IsFieldSetAndNotNull(column))
        return {};
    return QString::fromUtf8(f.GetFieldAsString(column)).trimmed();
}

QString MappedFields::fill(OGRFeature &f, QVariantList &values) const
{
    if (m_startColumn >= 0) {
        const QString date = text(f, m_startColumn), time = text(f, m_startTimeColumn);
        if (date.isEmpty())
            return MappingTr::tr("it has no date (column %1)")
                .arg(QString::fromUtf8(m_defn->GetFieldDefn(m_startColumn)->GetNameRef()));
        auto span = m_reader.read(date, time);
        if (!span)
            return MappingTr::tr("its date \"%1\" cannot be read")
                .arg((date + QLatin1Char(' ') + time).trimmed().left(60));
        if (m_endColumn >= 0) {
            const QString endDate = text(f, m_endColumn), endTime = text(f, m_endTimeColumn);
            if (!endDate.isEmpty()) {
                const auto end = m_reader.read(endDate, endTime);
                if (!end)
                    return MappingTr::tr("its end date \"%1\" cannot be read")
                        .arg((endDate + QLatin1Char(' ') + endTime).trimmed().left(60));
                // "Until 08:00" ends at 08:00; "until the 5th" includes the 5th.
                const bool dayOrCoarser = end->precision >= TimePrecision::Day;
                const QDateTime to = dayOrCoarser ? end->to : end->from;
                if (to < span->from)
                    return MappingTr::tr("it ends (%1) before it starts (%2)").arg(endDate, date);
                if (to > span->from) {
                    span->to = to;
                    span->precision = TimePrecision::Span;
                }
            }
        }
        values[qsizetype(m_timeField)] = span->from.toString(Qt::ISODate);
        const bool coarse = span->precision >= TimePrecision::Hour;
        if (m_endField >= 0)
            values[qsizetype(m_endField)] =
                coarse ? QVariant(span->to.toString(Qt::ISODate)) : QVariant();
        if (m_precisionField >= 0)
            values[qsizetype(m_precisionField)] = timePrecisionName(span->precision);
    }
    if (m_categoryColumn >= 0) {
        const QString c = categoryOf(f);
        values[qsizetype(m_categoryField)] = c.isEmpty() ? QVariant() : QVariant(c);
    }
    return {};
}

QString MappedFields::categoryOf(OGRFeature &f) const
{
    const QString raw = text(f, m_categoryColumn);
    return m_mapping.categories.value(raw, raw);
}

QString MappedFields::sourceKey(OGRFeature &f)
{
    if (m_keyColumns.isEmpty())
        return {};
    if (m_keyColumns.size() == 1) {
        const QString k = text(f, m_keyColumns.first());
        if (!k.isEmpty())
            return k;
    }
    // A digest of the chosen columns, or of the whole record when its key column is empty.
    QCryptographicHash h(QCryptographicHash::Sha1);
    const bool whole = m_keyColumns.size() == 1;
    for (int c = 0; c < m_defn->GetFieldCount(); ++c) {
        if (!whole && !m_keyColumns.contains(c))
            continue;
        h.addData(text(f, c).toUtf8());
        h.addData(QByteArrayView("\x1f", 1));
    }
    if (whole)
        if (const OGRGeometry *g = f.GetGeometryRef()) {
            std::vector<unsigned char> wkb(std::size_t(g->WkbSize()));
            g->exportToWkb(wkbNDR, wkb.data(), wkbVariantIso);
            h.addData(
                QByteArrayView(reinterpret_cast<const char *>(wkb.data()), qsizetype(wkb.size())));
        }
    const QByteArray digest = h.result().toHex();
    const int n = ++m_occurrences[digest];
    return QStringLiteral("#%1.%2").arg(QString::fromLatin1(digest.left(24)), argText(n));
}

QString generatedCategoryColor(int index)
{
    // HSL to RGB (saturation 0.7), without QtGui.
    const double h = std::fmod(0.08 + index * 0.618033988749895, 1.0) * 6.0;
    const double l = index % 2 == 0 ? 0.42 : 0.55, s = 0.70;
    const double c = (1.0 - std::abs(2.0 * l - 1.0)) * s;
    const double x = c * (1.0 - std::abs(std::fmod(h, 2.0) - 1.0));
    const double m = l - c / 2.0;
    double r = 0, g = 0, b = 0;
    switch (int(h)) {
    case 0:
        r = c, g = x;
        break;
    case 1:
        r = x, g = c;
        break;
    case 2:
        g = c, b = x;
        break;
    case 3:
        g = x, b = c;
        break;
    case 4:
        r = x, b = c;
        break;
    default:
        r = c, b = x;
        break;
    }
    auto hex = [&](double v) {
        return QStringLiteral("%1").arg(int(std::lround((v + m) * 255.0)), 2, 16, QLatin1Char('0'));
    };
    return QLatin1Char('#') + hex(r) + hex(g) + hex(b);
}

} // namespace detail
} // namespace vigie::core
