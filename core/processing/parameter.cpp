// SPDX-License-Identifier: GPL-3.0-or-later
#include "parameter.h"

#include "../argtext.h"
#include "../cityzone.h"
#include "../i18n.h"
#include "../printable.h"
#include "../store/store.h"

#include <QLocale>
#include <QRegularExpression>
#include <QTimeZone>

#include <cmath>

namespace vigie::core::processing {

namespace {

QString plain(double v)
{
    return QLocale::c().toString(v, 'g', 15);
}

/// A number typed in C or French notation ("0.5", "0,5", "20 000").
std::optional<double> readNumber(const QVariant &raw)
{
    if (raw.typeId() == QMetaType::Double || raw.typeId() == QMetaType::Float ||
        raw.typeId() == QMetaType::Int || raw.typeId() == QMetaType::LongLong ||
        raw.typeId() == QMetaType::UInt || raw.typeId() == QMetaType::ULongLong) {
        const double v = raw.toDouble();
        return std::isfinite(v) ? std::optional<double>(v) : std::nullopt;
    }
    QString t = raw.toString().trimmed();
    t.remove(QChar(0x202F)).remove(QChar(0xA0)).remove(QLatin1Char(' '));
    if (t.count(QLatin1Char(',')) == 1 && !t.contains(QLatin1Char('.')))
        t.replace(QLatin1Char(','), QLatin1Char('.'));
    bool ok = false;
    const double v = QLocale::c().toDouble(t, &ok);
    if (!ok || !std::isfinite(v))
        return std::nullopt;
    return v;
}

std::optional<bool> readBoolean(const QVariant &raw)
{
    if (raw.typeId() == QMetaType::Bool)
        return raw.toBool();
    const QString t = raw.toString().trimmed().toLower();
    static const QStringList yes{QStringLiteral("1"),   QStringLiteral("true"),
                                 QStringLiteral("yes"), QStringLiteral("on"),
                                 QStringLiteral("oui"), QStringLiteral("vrai")};
    static const QStringList no{QStringLiteral("0"),   QStringLiteral("false"),
                                QStringLiteral("no"),  QStringLiteral("off"),
                                QStringLiteral("non"), QStringLiteral("faux")};
    if (yes.contains(t))
        return true;
    if (no.contains(t))
        return false;
    return std::nullopt;
}

/// ISO date-time; without an offset it is Paris time. A bare date is its midnight.
std::optional<QDateTime> readDateTime(const QVariant &raw)
{
    if (raw.typeId() == QMetaType::QDateTime) {
        const QDateTime d = raw.toDateTime();
        return d.isValid() ? std::optional<QDateTime>(d.toUTC()) : std::nullopt;
    }
    if (raw.typeId() == QMetaType::QDate) {
        const QDate d = raw.toDate();
        if (!d.isValid())
            return std::nullopt;
        return QDateTime(d, QTime(0, 0), cityTimeZone()).toUTC();
    }
    const QString t = raw.toString().trimmed();
    static const QRegularExpression iso(
        QStringLiteral("^\\d{4}-\\d{2}-\\d{2}([T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?)?"
                       "(Z|[+-]\\d{2}:?\\d{2})?$"));
    if (!iso.match(t).hasMatch())
        return std::nullopt;
    QString s = t;
    s.replace(QLatin1Char(' '), QLatin1Char('T'));
    if (s.size() == 10)
        s += QStringLiteral("T00:00");
    QDateTime d = QDateTime::fromString(s, Qt::ISODateWithMs);
    if (!d.isValid())
        return std::nullopt;
    if (d.timeSpec() == Qt::LocalTime) // no offset given: the city's time
        d = QDateTime(d.date(), d.time(), cityTimeZone());
    return d.toUTC();
}

QString choiceValues(const std::vector<ParameterChoice> &choices)
{
    QStringList v;
    for (const ParameterChoice &c : choices)
        if (!c.value.isEmpty())
            v << c.value;
    return v.join(QLatin1String(", "));
}

} // namespace

QString parameterTypeKey(ParameterType type)
{
    switch (type) {
    case ParameterType::Number:
        return QStringLiteral("number");
    case ParameterType::Integer:
        return QStringLiteral("integer");
    case ParameterType::Boolean:
        return QStringLiteral("boolean");
    case ParameterType::Choice:
        return QStringLiteral("choice");
    case ParameterType::Date:
        return QStringLiteral("date");
    case ParameterType::DateTime:
        return QStringLiteral("date-time");
    case ParameterType::Period:
        return QStringLiteral("period");
    case ParameterType::Layer:
        return QStringLiteral("layer");
    case ParameterType::Field:
        return QStringLiteral("field");
    case ParameterType::Areas:
        return QStringLiteral("areas");
    case ParameterType::Point:
        return QStringLiteral("point");
    case ParameterType::CameraEdits:
        return QStringLiteral("camera-edits");
    case ParameterType::Text:
        return QStringLiteral("text");
    case ParameterType::File:
        return QStringLiteral("file");
    }
    return {};
}

QString parameterTypeTitle(ParameterType type)
{
    switch (type) {
    case ParameterType::Number:
        return ParameterDefinition::tr("number");
    case ParameterType::Integer:
        return ParameterDefinition::tr("integer");
    case ParameterType::Boolean:
        return ParameterDefinition::tr("yes or no");
    case ParameterType::Choice:
        return ParameterDefinition::tr("choice");
    case ParameterType::Date:
        return ParameterDefinition::tr("date");
    case ParameterType::DateTime:
        return ParameterDefinition::tr("date and time");
    case ParameterType::Period:
        return ParameterDefinition::tr("period");
    case ParameterType::Layer:
        return ParameterDefinition::tr("layer");
    case ParameterType::Field:
        return ParameterDefinition::tr("field");
    case ParameterType::Areas:
        return ParameterDefinition::tr("areas");
    case ParameterType::Point:
        return ParameterDefinition::tr("point");
    case ParameterType::CameraEdits:
        return ParameterDefinition::tr("camera edits");
    case ParameterType::Text:
        return ParameterDefinition::tr("text");
    case ParameterType::File:
        return ParameterDefinition::tr("file");
    }
    return {};
}

QString kebabCase(const QString &name)
{
    QString out;
    for (QChar c : name) {
        if (c.isUpper()) {
            if (!out.isEmpty())
                out += QLatin1Char('-');
            out += c.toLower();
        } else {
            out += c;
        }
    }
    return out;
}

// --- declarations ------------------------------------------------------------------------------

ParameterDefinition::ParameterDefinition(QString name, ParameterType type, QString label)
    : m_name(std::move(name)), m_type(type), m_label(std::move(label))
{
}

ParameterDefinition ParameterDefinition::number(const QString &name, const QString &label,
                                                double defaultValue, double minimum, double maximum,
                                                const QString &unit)
{
    ParameterDefinition d(name, ParameterType::Number, label);
    d.m_default = defaultValue;
    d.m_min = minimum;
    d.m_max = maximum;
    d.m_unit = unit;
    return d;
}

ParameterDefinition ParameterDefinition::integer(const QString &name, const QString &label,
                                                 qlonglong defaultValue, qlonglong minimum,
                                                 qlonglong maximum, const QString &unit)
{
    ParameterDefinition d(name, ParameterType::Integer, label);
    d.m_default = defaultValue;
    d.m_min = double(minimum);
    d.m_max = double(maximum);
    d.m_unit = unit;
    return d;
}

ParameterDefinition ParameterDefinition::boolean(const QString &name, const QString &label,
                                                 bool defaultValue)
{
    ParameterDefinition d(name, ParameterType::Boolean, label);
    d.m_default = defaultValue;
    return d;
}

ParameterDefinition ParameterDefinition::choice(const QString &name, const QString &label,
                                                std::vector<ParameterChoice> choices,
                                                const QString &defaultValue)
{
    ParameterDefinition d(name, ParameterType::Choice, label);
    d.m_choices = std::move(choices);
    d.m_default = defaultValue;
    return d;
}

ParameterDefinition ParameterDefinition::date(const QString &name, const QString &label)
{
    return ParameterDefinition(name, ParameterType::Date, label);
}

ParameterDefinition ParameterDefinition::dateTime(const QString &name, const QString &label)
{
    return ParameterDefinition(name, ParameterType::DateTime, label);
}

ParameterDefinition ParameterDefinition::period(const QString &name, const QString &label)
{
    return ParameterDefinition(name, ParameterType::Period, label);
}

ParameterDefinition ParameterDefinition::layer(const QString &name, const QString &label,
                                               std::optional<GeometryType> geometry,
                                               const QString &defaultValue)
{
    ParameterDefinition d(name, ParameterType::Layer, label);
    d.m_geometry = geometry;
    if (!defaultValue.isEmpty())
        d.m_default = defaultValue;
    return d;
}

ParameterDefinition ParameterDefinition::field(const QString &name, const QString &label,
                                               const QString &layerParameter, bool numeric)
{
    ParameterDefinition d(name, ParameterType::Field, label);
    d.m_parent = layerParameter;
    d.m_numeric = numeric;
    return d;
}

ParameterDefinition ParameterDefinition::areas(const QString &name, const QString &label,
                                               const QString &layerParameter)
{
    ParameterDefinition d(name, ParameterType::Areas, label);
    d.m_parent = layerParameter;
    return d;
}

ParameterDefinition ParameterDefinition::point(const QString &name, const QString &label)
{
    return ParameterDefinition(name, ParameterType::Point, label);
}

ParameterDefinition ParameterDefinition::cameraEdits(const QString &name, const QString &label)
{
    return ParameterDefinition(name, ParameterType::CameraEdits, label);
}

ParameterDefinition ParameterDefinition::text(const QString &name, const QString &label,
                                              const QString &defaultValue)
{
    ParameterDefinition d(name, ParameterType::Text, label);
    if (!defaultValue.isEmpty())
        d.m_default = defaultValue;
    return d;
}

ParameterDefinition ParameterDefinition::file(const QString &name, const QString &label,
                                              const QString &filter)
{
    ParameterDefinition d(name, ParameterType::File, label);
    d.m_filter = filter;
    return d;
}

ParameterDefinition &ParameterDefinition::withHelp(const QString &help)
{
    m_help = help;
    return *this;
}

ParameterDefinition &ParameterDefinition::advanced()
{
    m_advanced = true;
    return *this;
}

ParameterDefinition &ParameterDefinition::hidden()
{
    m_hidden = true;
    return *this;
}

ParameterDefinition &ParameterDefinition::optional()
{
    m_optional = true;
    return *this;
}

ParameterDefinition &ParameterDefinition::withDefault(const QVariant &value)
{
    m_default = value;
    return *this;
}

ParameterDefinition &ParameterDefinition::automaticChoice(const QString &label)
{
    m_choices.insert(m_choices.begin(), ParameterChoice{QString(), label});
    return *this;
}

QString ParameterDefinition::optionName() const
{
    return kebabCase(m_name);
}

QString ParameterDefinition::valueName() const
{
    if (m_type == ParameterType::Boolean)
        return tr("yes|no");
    if (m_type == ParameterType::Choice)
        return tr("choice").toUpper();
    return parameterTypeTitle(m_type).toUpper().replace(QLatin1Char(' '), QLatin1Char('-'));
}

QString ParameterDefinition::valueText(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::Bool:
        return value.toBool() ? QStringLiteral("yes") : QStringLiteral("no");
    case QMetaType::Double:
        return plain(value.toDouble());
    case QMetaType::QDate:
        return value.toDate().toString(Qt::ISODate);
    case QMetaType::QDateTime:
        return value.toDateTime().toTimeZone(cityTimeZone()).toString(Qt::ISODate);
    case QMetaType::QStringList:
        return value.toStringList().join(QLatin1Char(','));
    case QMetaType::QVariantList: {
        QStringList parts;
        for (const QVariant &v : value.toList())
            parts << valueText(v);
        return parts.join(value.toList().value(0).typeId() == QMetaType::QDateTime
                              ? QLatin1Char('/')
                              : QLatin1Char(','));
    }
    default:
        return value.toString();
    }
}

QString ParameterDefinition::defaultText() const
{
    if (m_type == ParameterType::Boolean && m_default.isValid())
        return m_default.toBool() ? tr("yes") : tr("no"); // both languages are read back
    return m_default.isValid() ? valueText(m_default) : QString();
}

QString ParameterDefinition::unitSymbol() const
{
    // Symbols are international but for the day: "j" in French.
    if (m_unit == QLatin1String("d"))
        return tr("d", "unit: days");
    return m_unit;
}

QString ParameterDefinition::describe() const
{
    QStringList parts;
    if (!m_help.isEmpty())
        parts << m_help;
    if (hasRange()) {
        const QString unit = m_unit.isEmpty() ? QString() : QLatin1Char(' ') + unitSymbol();
        parts << ParameterDefinition::tr("From %1 to %2%3.").arg(plain(m_min), plain(m_max), unit);
    } else if (!m_unit.isEmpty()) {
        parts << ParameterDefinition::tr("In %1.").arg(unitSymbol());
    }
    if (m_type == ParameterType::Choice) {
        QStringList c;
        for (const ParameterChoice &ch : m_choices)
            c << (ch.value.isEmpty() ? ParameterDefinition::tr("empty (%1)").arg(ch.label)
                                     : QStringLiteral("%1 (%2)").arg(ch.value, ch.label));
        parts << ParameterDefinition::tr("One of: %1.").arg(c.join(QLatin1String(", ")));
    }
    if (!defaultText().isEmpty())
        parts << ParameterDefinition::tr("Default: %1.").arg(defaultText());
    else if (m_optional)
        parts << ParameterDefinition::tr("Optional.");
    return parts.join(QLatin1Char(' '));
}

// --- checking ----------------------------------------------------------------------------------

Error ParameterDefinition::invalid(const QString &why) const
{
    return Error{ErrorCode::InvalidInput,
                 tr("Invalid parameter \"%1\" (%2): %3").arg(m_label, optionName(), why)};
}

Result<QVariant> ParameterDefinition::check(const QVariant &raw, const Store *store,
                                            const QVariantMap &others) const
{
    const bool empty = !raw.isValid() || raw.isNull() ||
                       (raw.typeId() == QMetaType::QString && raw.toString().trimmed().isEmpty()) ||
                       (raw.typeId() == QMetaType::QStringList && raw.toStringList().isEmpty());
    if (m_type == ParameterType::Choice)
        return checkChoice(empty ? QString() : raw.toString().trimmed());
    if (empty) {
        if (m_default.isValid())
            return m_default;
        if (m_optional)
            return QVariant();
        return invalid(tr("a value is required"));
    }
    switch (m_type) {
    case ParameterType::Number:
    case ParameterType::Integer:
        return checkNumber(raw);
    case ParameterType::Boolean: {
        const auto v = readBoolean(raw);
        if (!v)
            return invalid(tr("\"%1\" is not yes or no").arg(printableText(raw.toString(), 40)));
        return QVariant(*v);
    }
    case ParameterType::Date:
    case ParameterType::DateTime:
    case ParameterType::Period:
        return checkTime(raw);
    case ParameterType::Layer:
    case ParameterType::Field:
    case ParameterType::Areas:
        return checkWorkspaceName(raw, store, others);
    case ParameterType::Point:
    case ParameterType::CameraEdits:
        return checkShape(raw);
    case ParameterType::Text:
    case ParameterType::File:
        return QVariant(raw.toString().trimmed());
    case ParameterType::Choice:
        break;
    }
    return invalid(tr("unknown type"));
}

Result<QVariant> ParameterDefinition::checkNumber(const QVariant &raw) const
{
    const auto v = readNumber(raw);
    if (!v)
        return invalid(tr("\"%1\" is not a number").arg(printableText(raw.toString(), 40)));
    if (m_type == ParameterType::Integer && *v != std::floor(*v))
        return invalid(tr("%1 is not a whole number").arg(plain(*v)));
    if (hasRange() && (*v < m_min || *v > m_max))
        return invalid(tr("%1 is outside %2 to %3%4")
                           .arg(plain(*v), plain(m_min), plain(m_max),
                                m_unit.isEmpty() ? QString() : QLatin1Char(' ') + unitSymbol()));
    if (m_type == ParameterType::Integer)
        return QVariant(qlonglong(*v));
    return QVariant(*v);
}

Result<QVariant> ParameterDefinition::checkChoice(const QString &t) const
{
    if (t.isEmpty()) {
        if (m_default.isValid())
            return m_default;
        const bool emptyAllowed =
            std::any_of(m_choices.begin(), m_choices.end(),
                        [](const ParameterChoice &c) { return c.value.isEmpty(); });
        if (!emptyAllowed)
            return invalid(tr("a value is required"));
        return QVariant(QString());
    }
    for (const ParameterChoice &c : m_choices)
        if (!c.value.isEmpty() && c.value.compare(t, Qt::CaseInsensitive) == 0)
            return QVariant(c.value);
    return invalid(
        tr("\"%1\" is not one of %2").arg(printableText(t, 40), choiceValues(m_choices)));
}

Result<QVariant> ParameterDefinition::checkTime(const QVariant &raw) const
{
    if (m_type == ParameterType::Date) {
        if (raw.typeId() == QMetaType::QDate)
            return raw;
        if (raw.typeId() == QMetaType::QDateTime)
            return QVariant(raw.toDateTime().toTimeZone(cityTimeZone()).date());
        const QDate d = QDate::fromString(raw.toString().trimmed(), Qt::ISODate);
        if (!d.isValid() || raw.toString().trimmed().size() != 10)
            return invalid(
                tr("\"%1\" is not a date (YYYY-MM-DD)").arg(printableText(raw.toString(), 40)));
        return QVariant(d);
    }
    if (m_type == ParameterType::DateTime) {
        const auto d = readDateTime(raw);
        if (!d)
            return invalid(tr("\"%1\" is not a date and time (YYYY-MM-DDTHH:MM, Paris time)")
                               .arg(printableText(raw.toString(), 40)));
        return QVariant(*d);
    }
    QVariantList ends;
    if (raw.typeId() == QMetaType::QVariantList && raw.toList().size() == 2) {
        ends = raw.toList();
    } else {
        const QStringList parts = raw.toString().split(QLatin1Char('/'));
        if (parts.size() == 2)
            ends = {parts[0], parts[1]};
    }
    if (ends.size() != 2)
        return invalid(
            tr("\"%1\" is not a period (FROM/TO)").arg(printableText(raw.toString(), 40)));
    const auto from = readDateTime(ends[0]);
    const auto to = readDateTime(ends[1]);
    if (!from || !to)
        return invalid(tr("\"%1\" is not a period (FROM/TO, ISO dates)")
                           .arg(printableText(raw.toString(), 40)));
    if (*to < *from)
        return invalid(tr("the period ends before it starts"));
    return QVariant(QVariantList{*from, *to});
}

Result<QVariant> ParameterDefinition::checkWorkspaceName(const QVariant &raw, const Store *store,
                                                         const QVariantMap &others) const
{
    if (m_type == ParameterType::Layer) {
        const QString id = raw.toString().trimmed();
        if (store) {
            if (!store->hasLayer(id))
                return invalid(tr("the workspace has no layer \"%1\"").arg(printableText(id, 60)));
            if (m_geometry) {
                const auto m = store->layer(id);
                if (m && m->geometryType != *m_geometry)
                    return invalid(tr("the layer \"%1\" holds %2, not %3")
                                       .arg(id, geometryTypeName(m->geometryType),
                                            geometryTypeName(*m_geometry)));
            }
        }
        return QVariant(id);
    }
    if (m_type == ParameterType::Field) {
        const QString name = raw.toString().trimmed();
        const QString layerId = m_parent.isEmpty() ? QString() : others.value(m_parent).toString();
        if (store && !layerId.isEmpty() && store->hasLayer(layerId)) {
            const auto m = store->layer(layerId);
            const FieldDef *f = m ? m->field(name) : nullptr;
            if (!f)
                return invalid(tr("the layer \"%1\" has no field \"%2\"")
                                   .arg(layerId, printableText(name, 60)));
            if (m_numeric && f->type != FieldType::Integer && f->type != FieldType::Real)
                return invalid(tr("the field \"%1\" is not numeric").arg(name));
        }
        return QVariant(name);
    }
    QStringList names = raw.typeId() == QMetaType::QStringList
                            ? raw.toStringList()
                            : raw.toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (QString &n : names)
        n = n.trimmed();
    names.removeAll(QString());
    if (names.isEmpty()) {
        if (m_optional)
            return QVariant();
        return invalid(tr("a value is required"));
    }
    return QVariant(names);
}

Result<QVariant> ParameterDefinition::checkShape(const QVariant &raw) const
{
    if (m_type == ParameterType::Point) {
        QVariantList xy = raw.toList();
        if (xy.size() != 2) {
            const QStringList parts = raw.toString().split(QLatin1Char(','));
            xy = parts.size() == 2 ? QVariantList{parts[0], parts[1]} : QVariantList{};
        }
        const auto x = xy.size() == 2 ? readNumber(xy[0]) : std::nullopt;
        const auto y = xy.size() == 2 ? readNumber(xy[1]) : std::nullopt;
        // Lambert-93 over metropolitan France, with a margin.
        if (!x || !y || *x < -400000 || *x > 1600000 || *y < 5900000 || *y > 7300000)
            return invalid(tr("\"%1\" is not a point x,y in Lambert-93 metres")
                               .arg(printableText(raw.toString(), 60)));
        return QVariant(QVariantList{*x, *y});
    }
    const QString t = raw.toString().trimmed();
    static const QRegularExpression edit(QStringLiteral(
        "^(add:[^;:]+|move:[^;:]+:[^;:]+|remove:[^;:]+)(;(add:[^;:]+|move:[^;:]+:[^;:]+|"
        "remove:[^;:]+))*;?$"));
    if (!edit.match(t).hasMatch())
        return invalid(tr("\"%1\" is not a list of add:x,y,dir,fov,range; "
                          "move:ID:x,y,dir,fov,range; remove:ID")
                           .arg(printableText(t, 60)));
    return QVariant(t);
}

// --- values ------------------------------------------------------------------------------------

Result<ParameterValues> validate(const ParameterDefinitions &definitions, const QVariantMap &raw,
                                 const Store *store)
{
    for (auto it = raw.begin(); it != raw.end(); ++it) {
        const bool known =
            std::any_of(definitions.begin(), definitions.end(), [&](const ParameterDefinition &d) {
                return d.name() == it.key() || d.optionName() == it.key();
            });
        if (!known) {
            QStringList names;
            for (const ParameterDefinition &d : definitions)
                names << d.optionName();
            return Error{
                ErrorCode::InvalidInput,
                ParameterDefinition::tr("Unknown parameter \"%1\"; the parameters are: %2.")
                    .arg(printableText(it.key(), 60), names.isEmpty()
                                                          ? ParameterDefinition::tr("none")
                                                          : names.join(QLatin1String(", ")))};
        }
    }
    ParameterValues values;
    values.m_definitions = definitions;
    QVariantMap rawByName;
    for (const ParameterDefinition &d : definitions)
        rawByName.insert(d.name(),
                         raw.contains(d.name()) ? raw.value(d.name()) : raw.value(d.optionName()));
    for (const ParameterDefinition &d : definitions) {
        auto v = d.check(rawByName.value(d.name()), store, rawByName);
        if (!v)
            return v.error();
        values.m_values.insert(d.name(), *v);
    }
    return values;
}

const ParameterDefinition &
ParameterValues::definition(const QString &name, std::initializer_list<ParameterType> types) const
{
    for (const ParameterDefinition &d : m_definitions)
        if (d.name() == name) {
            if (std::find(types.begin(), types.end(), d.type()) == types.end())
                throw Exception(ErrorCode::Internal,
                                QStringLiteral("parameter %1 read as another type").arg(name));
            return d;
        }
    throw Exception(ErrorCode::Internal, QStringLiteral("parameter %1 is not declared").arg(name));
}

double ParameterValues::number(const QString &name) const
{
    definition(name, {ParameterType::Number, ParameterType::Integer});
    return m_values.value(name).toDouble();
}

qlonglong ParameterValues::integer(const QString &name) const
{
    definition(name, {ParameterType::Integer});
    return m_values.value(name).toLongLong();
}

bool ParameterValues::boolean(const QString &name) const
{
    definition(name, {ParameterType::Boolean});
    return m_values.value(name).toBool();
}

QString ParameterValues::choice(const QString &name) const
{
    definition(name, {ParameterType::Choice});
    return m_values.value(name).toString();
}

QString ParameterValues::text(const QString &name) const
{
    definition(name, {ParameterType::Text, ParameterType::File, ParameterType::Layer,
                      ParameterType::Field, ParameterType::CameraEdits, ParameterType::Choice});
    return m_values.value(name).toString();
}

QDate ParameterValues::date(const QString &name) const
{
    definition(name, {ParameterType::Date});
    return m_values.value(name).toDate();
}

QDateTime ParameterValues::dateTime(const QString &name) const
{
    definition(name, {ParameterType::DateTime});
    return m_values.value(name).toDateTime();
}

QStringList ParameterValues::list(const QString &name) const
{
    definition(name, {ParameterType::Areas});
    return m_values.value(name).toStringList();
}

bool ParameterValues::has(const QString &name) const
{
    const auto it = m_values.find(name); // validate() inserts every declared name
    if (it == m_values.end())
        throw Exception(ErrorCode::Internal,
                        QStringLiteral("parameter %1 is not declared").arg(name));
    return it->isValid() && !(it->typeId() == QMetaType::QString && it->toString().isEmpty());
}

} // namespace vigie::core::processing
