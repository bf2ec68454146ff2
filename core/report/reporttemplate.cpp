// SPDX-License-Identifier: GPL-3.0-or-later
#include "reporttemplate.h"
#include "../argtext.h"
#include "../cityzone.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>
#include <QTimeZone>

namespace vigie::core {

namespace {

QString tr(const char *text)
{
    return ReportMessages::tr(text);
}

const QTimeZone &cityZone()
{
    return cityTimeZone();
}

std::int64_t localMidnightUtc(const QDate &day)
{
    return QDateTime(day, QTime(0, 0), cityZone()).toSecsSinceEpoch();
}

QString isoUtc(std::int64_t secs)
{
    return QDateTime::fromSecsSinceEpoch(secs, Qt::UTC).toString(Qt::ISODate);
}

/// "yyyy-MM" -> first day of the month; "yyyy-MM-dd" -> the day.
std::optional<std::pair<QDate, bool>> parseDay(const QString &text, bool end)
{
    static const QRegularExpression month(QStringLiteral("^(\\d{4})-(\\d{2})$"));
    const auto m = month.match(text);
    if (m.hasMatch()) {
        const QDate d(m.captured(1).toInt(), m.captured(2).toInt(), 1);
        if (!d.isValid())
            return std::nullopt;
        return std::make_pair(end ? d.addMonths(1).addDays(-1) : d, true);
    }
    const QDate d = QDate::fromString(text, Qt::ISODate);
    if (!d.isValid())
        return std::nullopt;
    return std::make_pair(d, false);
}

LocalizedText readText(const QJsonValue &v)
{
    LocalizedText t;
    if (v.isString()) {
        t.fr = t.en = v.toString();
    } else if (v.isObject()) {
        t.fr = v.toObject().value(QStringLiteral("fr")).toString();
        t.en = v.toObject().value(QStringLiteral("en")).toString();
    }
    return t;
}

/// Where built-in templates are read: the compiled-in resource when present, else the
/// installed share folder, else the source tree (development builds).
QStringList builtInFolders()
{
    QStringList folders{QStringLiteral(":/vigie/reports")};
    if (QCoreApplication::instance())
        folders << QCoreApplication::applicationDirPath() +
                       QStringLiteral("/../share/vigie/reports");
    folders << QFileInfo(QString::fromUtf8(__FILE__)).absolutePath() +
                   QStringLiteral("/../../resources/reports");
    return folders;
}

} // namespace

// --- ReportPeriod ----------------------------------------------------------------------------

Result<ReportPeriod> ReportPeriod::parse(const QString &raw)
{
    const QString text = raw.trimmed();
    const QStringList parts = text.split(QStringLiteral(".."));
    if (text.isEmpty() || parts.size() > 2)
        return Error{ErrorCode::InvalidInput,
                     tr("the period \"%1\" is not of the form 2025-01..2025-03 or "
                        "2025-01-01..2025-03-31")
                         .arg(raw)};
    const auto a = parseDay(parts.first().trimmed(), false);
    const auto b = parseDay(parts.last().trimmed(), true);
    if (!a || !b)
        return Error{ErrorCode::InvalidInput,
                     tr("the period \"%1\" is not of the form 2025-01..2025-03 or "
                        "2025-01-01..2025-03-31")
                         .arg(raw)};
    ReportPeriod p;
    p.first = a->first;
    p.last = b->first;
    p.wholeMonths = a->second && b->second;
    if (p.last < p.first)
        return Error{ErrorCode::InvalidInput,
                     tr("the period \"%1\" is empty: it ends before it starts").arg(raw)};
    return p;
}

ReportPeriod ReportPeriod::previous() const
{
    ReportPeriod p = *this;
    if (wholeMonths) {
        const int months = (last.year() - first.year()) * 12 + last.month() - first.month() + 1;
        p.first = first.addMonths(-months);
        p.last = first.addDays(-1);
    } else {
        p.last = first.addDays(-1);
        p.first = first.addDays(-days());
    }
    return p;
}

ReportPeriod ReportPeriod::sameLastYear() const
{
    ReportPeriod p = *this;
    p.first = first.addYears(-1);
    p.last = wholeMonths ? QDate(last.year() - 1, last.month(), 1).addMonths(1).addDays(-1)
                         : last.addYears(-1);
    return p;
}

std::int64_t ReportPeriod::fromUtc() const
{
    return localMidnightUtc(first);
}
std::int64_t ReportPeriod::toUtcExclusive() const
{
    return localMidnightUtc(last.addDays(1));
}
QString ReportPeriod::fromIso() const
{
    return isoUtc(fromUtc());
}
QString ReportPeriod::toIsoExclusive() const
{
    return isoUtc(toUtcExclusive());
}

QString ReportPeriod::text() const
{
    if (wholeMonths)
        return first.toString(QStringLiteral("yyyy-MM")) + QStringLiteral("..") +
               last.toString(QStringLiteral("yyyy-MM"));
    return first.toString(Qt::ISODate) + QStringLiteral("..") + last.toString(Qt::ISODate);
}

QString ReportPeriod::label(const QString &language) const
{
    const bool en = language.startsWith(QLatin1String("en"));
    const QLocale locale(en ? QLocale::English : QLocale::French,
                         en ? QLocale::UnitedKingdom : QLocale::France);
    if (wholeMonths) {
        const QString a = locale.standaloneMonthName(first.month());
        const QString b = locale.standaloneMonthName(last.month());
        if (first.year() == last.year() && first.month() == last.month())
            return QStringLiteral("%1 %2").arg(argText(a), argText(first.year()));
        if (first.year() == last.year())
            return en ? QStringLiteral("%1 to %2 %3").arg(a, b, argText(first.year()))
                      : QStringLiteral("%1 à %2 %3").arg(a, b, argText(first.year()));
        return en ? QStringLiteral("%1 %2 to %3 %4")
                        .arg(argText(a), argText(first.year()), argText(b), argText(last.year()))
                  : QStringLiteral("%1 %2 à %3 %4")
                        .arg(argText(a), argText(first.year()), argText(b), argText(last.year()));
    }
    const QString f = QStringLiteral("dd/MM/yyyy");
    if (first == last)
        return en ? first.toString(f) : QStringLiteral("le %1").arg(first.toString(f));
    return en ? QStringLiteral("%1 to %2").arg(first.toString(f), last.toString(f))
              : QStringLiteral("du %1 au %2").arg(first.toString(f), last.toString(f));
}

// --- ReportTemplate ---------------------------------------------------------------------------

Result<ReportTemplate> ReportTemplate::fromJson(const QByteArray &json, const QString &origin)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    auto fail = [&](const QString &key, const QString &what) {
        return Error{ErrorCode::InvalidInput,
                     tr("Report template %1, key \"%2\": %3").arg(origin, key, what)};
    };
    if (parseError.error != QJsonParseError::NoError)
        return Error{ErrorCode::InvalidInput,
                     tr("Report template %1: invalid JSON at offset %2: %3")
                         .arg(origin, argText(parseError.offset), parseError.errorString())};
    if (!doc.isObject())
        return Error{ErrorCode::InvalidInput,
                     tr("Report template %1: the document is not a JSON object").arg(origin)};
    const QJsonObject o = doc.object();
    if (o.value(QStringLiteral("vigieReport")).toInt(-1) != kReportFormatVersion)
        return fail(QStringLiteral("vigieReport"),
                    tr("must be %1 (the report template format this version reads)")
                        .arg(kReportFormatVersion));

    ReportTemplate t;
    t.origin = origin;
    t.id = o.value(QStringLiteral("id")).toString();
    static const QRegularExpression idPattern(QStringLiteral("^[a-z][a-z0-9_]*$"));
    if (!idPattern.match(t.id).hasMatch())
        return fail(QStringLiteral("id"),
                    tr("must be made of a-z, 0-9 and _, starting with a letter"));
    t.title = readText(o.value(QStringLiteral("title")));
    if (t.title.fr.isEmpty() && t.title.en.isEmpty())
        return fail(QStringLiteral("title"), tr("is required"));
    t.subtitle = readText(o.value(QStringLiteral("subtitle")));
    t.classification = readText(o.value(QStringLiteral("classification")));
    t.sources = readText(o.value(QStringLiteral("sources")));

    const QJsonObject areas = o.value(QStringLiteral("areas")).toObject();
    t.areaLayer = areas.value(QStringLiteral("layer")).toString();
    t.areaKeyField = areas.value(QStringLiteral("key")).toString();
    t.areaLabelField = areas.value(QStringLiteral("label")).toString(t.areaKeyField);
    t.populationField = areas.value(QStringLiteral("population")).toString();
    if (t.areaLayer.isEmpty())
        return fail(QStringLiteral("areas.layer"), tr("is required"));
    if (t.areaKeyField.isEmpty())
        return fail(QStringLiteral("areas.key"), tr("is required"));
    const QJsonValue defaults = areas.value(QStringLiteral("default"));
    if (defaults.isArray()) {
        for (const QJsonValue &v : defaults.toArray())
            t.defaultAreas << v.toVariant().toString();
    } else {
        t.defaultAreas << defaults.toString(QStringLiteral("all"));
    }

    const QJsonObject points = o.value(QStringLiteral("points")).toObject();
    t.pointLayer = points.value(QStringLiteral("layer")).toString(QStringLiteral("incidents"));
    t.pointAreaField = points.value(QStringLiteral("areaField")).toString();
    if (t.pointAreaField.isEmpty())
        return fail(QStringLiteral("points.areaField"), tr("is required"));
    if (points.contains(QStringLiteral("via"))) {
        const QJsonObject via = points.value(QStringLiteral("via")).toObject();
        t.viaLayer = via.value(QStringLiteral("layer")).toString();
        t.viaKeyField = via.value(QStringLiteral("key")).toString();
        t.viaAreaField = via.value(QStringLiteral("areaField")).toString();
        if (t.viaLayer.isEmpty() || t.viaKeyField.isEmpty() || t.viaAreaField.isEmpty())
            return fail(QStringLiteral("points.via"),
                        tr("needs \"layer\", \"key\" and \"areaField\""));
    }
    for (const QJsonValue &v : o.value(QStringLiteral("contextLayers")).toArray())
        t.contextLayers << v.toString();

    const QJsonValue analysis = o.value(QStringLiteral("analysis"));
    if (analysis.isObject()) {
        t.analysis = analysis.toObject()
                         .value(QStringLiteral("id"))
                         .toString(analysis.toObject().value(QStringLiteral("kind")).toString());
        t.analysisRequired = analysis.toObject().value(QStringLiteral("required")).toBool(false);
    } else {
        t.analysis = analysis.toString();
    }

    t.minCount = o.value(QStringLiteral("minCount")).toInt(5);
    if (t.minCount < 1 || t.minCount > 1000)
        return fail(QStringLiteral("minCount"), tr("must be between 1 and 1000"));
    t.paper = o.value(QStringLiteral("paper")).toString(QStringLiteral("a4")).toLower();
    if (t.paper != QLatin1String("a4") && t.paper != QLatin1String("a3"))
        return fail(QStringLiteral("paper"), tr("must be \"a4\" or \"a3\""));
    t.orientation =
        o.value(QStringLiteral("orientation")).toString(QStringLiteral("portrait")).toLower();
    if (t.orientation != QLatin1String("portrait") && t.orientation != QLatin1String("landscape"))
        return fail(QStringLiteral("orientation"), tr("must be \"portrait\" or \"landscape\""));
    return t;
}

Result<ReportTemplate> ReportTemplate::load(const QString &idOrPath)
{
    QString path;
    if (QFileInfo::exists(idOrPath) && QFileInfo(idOrPath).isFile()) {
        path = idOrPath;
    } else {
        for (const QString &folder : builtInFolders()) {
            const QString candidate =
                folder + QLatin1Char('/') + idOrPath + QStringLiteral(".json");
            if (QFileInfo::exists(candidate)) {
                path = candidate;
                break;
            }
        }
    }
    if (path.isEmpty())
        return Error{ErrorCode::Io, tr("no report template \"%1\": neither a file nor one of the "
                                       "built-in templates (%2)")
                                        .arg(idOrPath, builtInIds().join(QStringLiteral(", ")))};
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{ErrorCode::Io,
                     tr("cannot read the report template %1: %2").arg(path, file.errorString())};
    return fromJson(file.readAll(), QDir::toNativeSeparators(path));
}

QStringList ReportTemplate::builtInIds()
{
    for (const QString &folder : builtInFolders()) {
        QStringList ids;
        for (const QFileInfo &f :
             QDir(folder).entryInfoList({QStringLiteral("*.json")}, QDir::Files, QDir::Name))
            ids << f.completeBaseName();
        if (!ids.isEmpty())
            return ids;
    }
    return {};
}

} // namespace vigie::core
