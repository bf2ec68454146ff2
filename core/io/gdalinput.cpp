// SPDX-License-Identifier: GPL-3.0-or-later
#include "gdalinput.h"

#include "../printable.h"
#include "../result.h"
#include "inputfile.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStringList>

#include <cpl_conv.h>
#include <cpl_http.h>
#include <ogr_srs_api.h>
#include <ogrsf_frmts.h>

#include <mutex>
#include <optional>

namespace vigie::core::detail {

namespace {

struct GdalInputTr
{
    Q_DECLARE_TR_FUNCTIONS(vigie::GdalInput)
};

CPLHTTPResult *refuseFetch(const char *url, CSLConstList, GDALProgressFunc, void *,
                           CPLHTTPFetchWriteFunc, void *, void *)
{
    auto *result = static_cast<CPLHTTPResult *>(CPLCalloc(1, sizeof(CPLHTTPResult)));
    result->nStatus = 1;
    result->pszErrBuf = CPLStrdup(CPLSPrintf(
        "network access is off while reading a data file (%s was not requested)", url ? url : "?"));
    CPLError(CE_Failure, CPLE_AppDefined, "%s", result->pszErrBuf);
    return result;
}

constexpr const char *kNoExtension = ".vigie-no-network";

} // namespace

NoNetworkScope::NoNetworkScope()
{
    static std::once_flag once;
    std::call_once(once, [] {
        GDALAllRegister();
        OSRSetPROJEnableNetwork(FALSE); // no grid downloads, whatever PROJ_NETWORK says
    });
    CPLHTTPPushFetchCallback(&refuseFetch, nullptr);
    // /vsicurl/ does not go through CPLHTTPFetch: with no allowed extension it sees no file
    // and sends nothing.
    if (const char *old =
            CPLGetThreadLocalConfigOption("CPL_VSIL_CURL_ALLOWED_EXTENSIONS", nullptr)) {
        m_hadExtensions = true;
        m_savedExtensions = old;
    }
    CPLSetThreadLocalConfigOption("CPL_VSIL_CURL_ALLOWED_EXTENSIONS", kNoExtension);
}

NoNetworkScope::~NoNetworkScope()
{
    CPLSetThreadLocalConfigOption("CPL_VSIL_CURL_ALLOWED_EXTENSIONS",
                                  m_hadExtensions ? m_savedExtensions.constData() : nullptr);
    CPLHTTPPopFetchCallback();
}

const QStringList &allowedVectorDrivers()
{
    static const QStringList drivers{
        QStringLiteral("GPKG"),
        QStringLiteral("GeoJSON"),
        QStringLiteral("GeoJSONSeq"),
        QStringLiteral("TopoJSON"),
        QStringLiteral("ESRIJSON"),
        QStringLiteral("CSV"),
        QStringLiteral("ESRI Shapefile"),
        QStringLiteral("FlatGeobuf"),
        QStringLiteral("KML"),
        QStringLiteral("GPX"),
        QStringLiteral("MapInfo File"),
        QStringLiteral("XLSX"),
        QStringLiteral("ODS"),
    };
    return drivers;
}

DatasetPtr openLocalVector(const QString &path, const OpenOptionsFor &openOptionsFor,
                           GdalErrorScope &errors)
{
    // A URL, a GDAL virtual path or a connection string names something that is not a local
    // file: refused before GDAL sees it.
    static const QRegularExpression scheme(QStringLiteral("^[A-Za-z][A-Za-z0-9+.-]+:"));
    const bool windowsDrive = path.size() > 2 && path.at(1) == QLatin1Char(':');
    if (path.startsWith(QLatin1String("/vsi")) || path.contains(QLatin1String("://")) ||
        (!windowsDrive && scheme.match(path).hasMatch()))
        throw Exception(ErrorCode::InvalidInput,
                        GdalInputTr::tr("%1 is not a local file: Vigie imports files only (no URL, "
                                        "GDAL virtual path or database connection).")
                            .arg(path));
    requireReadableFile(path, InputKind::File);
    const CPLStringList openOptions = openOptionsFor(checkTextFile(path));

    std::vector<QByteArray> names;
    for (const QString &d : allowedVectorDrivers())
        names.push_back(d.toLatin1());
    std::vector<const char *> list;
    for (const QByteArray &n : names)
        list.push_back(n.constData());
    list.push_back(nullptr);

    errors.clear();
    const QByteArray file = QFile::encodeName(path);
    DatasetPtr ds(GDALDataset::Open(file.constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                                    list.data(), openOptions.List(), nullptr));
    if (ds && ds->GetLayerCount() > 0)
        ds->GetLayer(0)->GetSpatialRef(); // some drivers read the CRS lazily: errors now
    if (errors.failureCount() > 0) {
        ds.reset();
        throw Exception(ErrorCode::InvalidInput,
                        GdalInputTr::tr("Cannot read %1: %2").arg(path, errors.summary()));
    }
    if (!ds) {
        // Did another GDAL driver know it? Then the format is one Vigie does not import.
        GDALDriverH other = GDALIdentifyDriver(file.constData(), nullptr);
        if (other &&
            !allowedVectorDrivers().contains(QString::fromUtf8(GDALGetDriverShortName(other))))
            throw Exception(
                ErrorCode::InvalidInput,
                GdalInputTr::tr("%1 is a %2 file, a format Vigie does not import (it can open "
                                "other files or the network). Convert it, for example to "
                                "GeoPackage, first. Formats imported: %3.")
                    .arg(path, QString::fromUtf8(GDALGetDriverLongName(other)),
                         allowedVectorDrivers().join(QStringLiteral(", "))));
        throw Exception(ErrorCode::InvalidInput,
                        GdalInputTr::tr("Cannot read %1: not a vector format Vigie imports, or "
                                        "a damaged file.")
                            .arg(path));
    }
    return ds;
}

namespace {

enum class TextKind { None, Csv, Json, Other };

TextKind textKind(const QString &path)
{
    const QString s = QFileInfo(path).suffix().toLower();
    if (s == QLatin1String("csv") || s == QLatin1String("tsv") || s == QLatin1String("txt"))
        return TextKind::Csv;
    if (s == QLatin1String("json") || s == QLatin1String("geojson") ||
        s == QLatin1String("geojsonl") || s == QLatin1String("geojsons") ||
        s == QLatin1String("topojson"))
        return TextKind::Json;
    if (s == QLatin1String("kml") || s == QLatin1String("gpx"))
        return TextKind::Other;
    return TextKind::None;
}

/// RFC 4180 reader that only counts: fields per record, with the line each record starts on.
class CsvChecker
{
public:
    CsvChecker(QString path, char separator) : m_path(std::move(path)), m_sep(separator) {}

    const QStringList &header() const { return m_names; }

    void feed(char c)
    {
        if (c == '\0')
            fail(GdalInputTr::tr("%1, line %2: a NUL byte (a binary file, or a damaged one?).")
                     .arg(m_path, QString::number(m_line)));
        if (c == '\n')
            ++m_line;
        switch (m_state) {
        case State::FieldStart:
        case State::Unquoted:
            if (c == '"' && m_state == State::FieldStart) {
                m_state = State::Quoted;
                m_quoteLine = m_line;
            } else if (c == m_sep) {
                endField();
                m_state = State::FieldStart;
            } else if (c == '\n') {
                endRecord(true);
            } else if (c != '\r') {
                m_state = State::Unquoted;
                m_empty = false;
                keep(c);
            }
            break;
        case State::Quoted:
            m_empty = false;
            if (c == '"')
                m_state = State::QuoteInQuoted;
            else
                keep(c);
            break;
        case State::QuoteInQuoted:
            if (c == '"') {
                m_state = State::Quoted; // "" inside a quoted field
                keep(c);
            } else if (c == m_sep) {
                endField();
                m_state = State::FieldStart;
            } else if (c == '\n') {
                endRecord(true);
            } else if (c != '\r') {
                fail(GdalInputTr::tr("%1, line %2: text after the closing quote of a field (a "
                                     "quote inside a field is written twice: \"\").")
                         .arg(m_path, QString::number(m_line)));
            }
            break;
        }
    }

    void finish()
    {
        if (m_state == State::Quoted)
            fail(GdalInputTr::tr("%1: the quote opened on line %2 is never closed.")
                     .arg(m_path, QString::number(m_quoteLine)));
        endRecord(false);
    }

private:
    enum class State { FieldStart, Unquoted, Quoted, QuoteInQuoted };

    [[noreturn]] void fail(const QString &message) const
    {
        throw Exception(ErrorCode::InvalidInput, message);
    }

    /// The header's names are kept (the records' values are only counted).
    void keep(char c)
    {
        if (m_header < 0 && m_name.size() < 1024)
            m_name += c;
    }

    void endField()
    {
        ++m_fields;
        takeName();
    }

    void takeName()
    {
        if (m_header >= 0)
            return;
        // Two columns of one name make the file ambiguous (which one is "y"?), and GDAL's CSV
        // reader has crashed on them (found by tests/fuzz/fuzz_import).
        const QString name = QString::fromUtf8(m_name).trimmed();
        m_name.clear();
        if (name.isEmpty())
            return;
        for (const QString &seen : m_names)
            if (seen.compare(name, Qt::CaseInsensitive) == 0)
                fail(GdalInputTr::tr("%1, line %2: the column \"%3\" appears twice in the "
                                     "header.")
                         .arg(m_path, QString::number(m_recordLine), printableText(name, 80)));
        m_names << name;
    }

    void endRecord(bool atNewline)
    {
        takeName(); // the header's last name
        const int fields = m_fields + 1;
        const qint64 startLine = m_recordLine;
        const qint64 endLine = atNewline ? m_line - 1 : m_line;
        const bool blank = fields == 1 && m_empty;
        if (!blank) {
            if (m_header < 0) {
                m_header = fields;
            } else if (fields != m_header) {
                if (endLine > startLine)
                    fail(GdalInputTr::tr("%1: the record starting on line %2 runs to line %3 and "
                                         "has %4 fields, the header %5: a quote opened on line "
                                         "%2 is probably not closed.")
                             .arg(m_path, QString::number(startLine), QString::number(endLine),
                                  QString::number(fields), QString::number(m_header)));
                fail(GdalInputTr::tr("%1, line %2: %3 fields where the header has %4.")
                         .arg(m_path, QString::number(startLine), QString::number(fields),
                              QString::number(m_header)));
            }
        }
        m_fields = 0;
        m_empty = true;
        m_state = State::FieldStart;
        m_recordLine = m_line;
    }

    QString m_path;
    char m_sep;
    State m_state = State::FieldStart;
    qint64 m_line = 1;
    qint64 m_recordLine = 1;
    qint64 m_quoteLine = 1;
    int m_fields = 0;
    int m_header = -1;
    bool m_empty = true;
    QByteArray m_name;   ///< the header field being read
    QStringList m_names; ///< the header's names so far
};

/// The separator GDAL's CSV driver would pick from the header line: the most frequent of
/// , ; tab | outside quotes (a comma on a tie).
char detectSeparator(const QByteArray &head, bool tsv)
{
    if (tsv)
        return '\t';
    int counts[4] = {0, 0, 0, 0};
    const char seps[4] = {',', ';', '\t', '|'};
    bool quoted = false;
    for (char c : head) {
        if (c == '"')
            quoted = !quoted;
        else if (!quoted && (c == '\n' || c == '\r'))
            break;
        else if (!quoted)
            for (int k = 0; k < 4; ++k)
                if (c == seps[k])
                    ++counts[k];
    }
    int best = 0;
    for (int k = 1; k < 4; ++k)
        if (counts[k] > counts[best])
            best = k;
    return seps[best];
}

} // namespace

TextFileInfo checkTextFile(const QString &path)
{
    const TextKind kind = textKind(path);
    if (kind == TextKind::None)
        return {};
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        throw Exception(
            ErrorCode::Io,
            GdalInputTr::tr("The file %1 cannot be read: %2").arg(path, f.errorString()));
    QByteArray chunk = f.read(1 << 20);
    std::optional<CsvChecker> csv;
    if (kind == TextKind::Csv)
        csv.emplace(path, detectSeparator(chunk, QFileInfo(path).suffix().toLower() ==
                                                     QLatin1String("tsv")));
    qint64 line = 1;
    int backslashes = 0;   // JSON: run of backslashes just before this byte
    int sinceEscapeU = -1; // JSON: digits read after an escaping "\u", -1 when none
    bool nulDigits = true;
    while (!chunk.isEmpty()) {
        for (char c : std::as_const(chunk)) {
            if (csv) {
                csv->feed(c);
                continue;
            }
            if (c == '\0')
                throw Exception(ErrorCode::InvalidInput,
                                GdalInputTr::tr("%1, line %2: a NUL byte (a binary file, or a "
                                                "damaged one?).")
                                    .arg(path, QString::number(line)));
            if (c == '\n')
                ++line;
            if (kind != TextKind::Json)
                continue;
            if (sinceEscapeU >= 0) {
                nulDigits = nulDigits && c == '0';
                if (++sinceEscapeU == 4) {
                    if (nulDigits)
                        throw Exception(ErrorCode::InvalidInput,
                                        GdalInputTr::tr("%1, line %2: a text holds the NUL "
                                                        "character (\\u0000), which would cut it "
                                                        "short.")
                                            .arg(path, QString::number(line)));
                    sinceEscapeU = -1;
                }
                continue;
            }
            if (c == 'u' && backslashes % 2 == 1) {
                sinceEscapeU = 0;
                nulDigits = true;
            }
            backslashes = c == '\\' ? backslashes + 1 : 0;
        }
        chunk = f.read(1 << 20);
    }
    if (f.error() != QFileDevice::NoError)
        throw Exception(
            ErrorCode::Io,
            GdalInputTr::tr("The file %1 cannot be read: %2").arg(path, f.errorString()));
    TextFileInfo info;
    if (csv) {
        csv->finish();
        info.csv = true;
        info.csvHeader = csv->header();
    }
    return info;
}

std::optional<CoordinateColumns> chooseCoordinateColumns(const QString &path,
                                                         const QStringList &header,
                                                         const QString &xField,
                                                         const QString &yField)
{
    const auto named = [&](const QString &field) -> QString {
        for (const QString &name : header)
            if (name.compare(field.trimmed(), Qt::CaseInsensitive) == 0)
                return name;
        throw Exception(ErrorCode::InvalidInput,
                        GdalInputTr::tr("%1 has no column \"%2\" (its columns: %3).")
                            .arg(path, printableText(field, 80),
                                 printableText(header.join(QLatin1String(", ")), 400)));
    };
    // The preferred names, in order, then the columns starting with the axis letter.
    const auto find = [&](const QStringList &preferred, QChar letter, const char *axis) -> QString {
        for (const QString &p : preferred)
            for (const QString &name : header)
                if (name.compare(p, Qt::CaseInsensitive) == 0)
                    return name;
        QStringList prefixed;
        for (const QString &name : header)
            if (name.startsWith(letter))
                prefixed << name;
        if (prefixed.size() > 1)
            throw Exception(ErrorCode::InvalidInput,
                            GdalInputTr::tr("%1: the columns %2 could all hold the %3 "
                                            "coordinate: rename the others, or name the one to "
                                            "use (vigie-cli import --x-field, --y-field).")
                                .arg(path, printableText(prefixed.join(QLatin1String(", ")), 400),
                                     QString::fromLatin1(axis)));
        return prefixed.value(0);
    };
    CoordinateColumns c;
    c.x = xField.isEmpty()
              ? find({QStringLiteral("x"), QStringLiteral("lon"), QStringLiteral("lng"),
                      QStringLiteral("long"), QStringLiteral("longitude")},
                     QLatin1Char('X'), "x")
              : named(xField);
    c.y = yField.isEmpty()
              ? find({QStringLiteral("y"), QStringLiteral("lat"), QStringLiteral("latitude")},
                     QLatin1Char('Y'), "y")
              : named(yField);
    if (c.x.isEmpty() && c.y.isEmpty())
        return std::nullopt;
    if (c.x.isEmpty() || c.y.isEmpty())
        throw Exception(ErrorCode::InvalidInput,
                        GdalInputTr::tr("%1: the column \"%2\" holds one coordinate but no column "
                                        "holds the other (its columns: %3).")
                            .arg(path, printableText(c.x.isEmpty() ? c.y : c.x, 80),
                                 printableText(header.join(QLatin1String(", ")), 400)));
    for (const QString &name : {c.x, c.y})
        if (name.contains(QLatin1Char(',')) || name.contains(QLatin1Char('*')) ||
            name.contains(QLatin1Char('"')))
            throw Exception(ErrorCode::InvalidInput,
                            GdalInputTr::tr("%1: the coordinate column \"%2\" has a comma, a "
                                            "star or a quote in its name; rename it.")
                                .arg(path, printableText(name, 80)));
    if (c.x == c.y)
        throw Exception(ErrorCode::InvalidInput,
                        GdalInputTr::tr("%1: the column \"%2\" cannot hold both coordinates.")
                            .arg(path, printableText(c.x, 80)));
    return c;
}

} // namespace vigie::core::detail
