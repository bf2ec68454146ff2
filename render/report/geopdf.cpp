// SPDX-License-Identifier: GPL-3.0-or-later
#include "geopdf.h"
#include "core/argtext.h"

#include "core/crs/crs.h"
#include "core/result.h"

#include <QHash>
#include <QRegularExpression>
#include <QString>

#include <map>

namespace vigie::render {

namespace {

/// RGF93 / Lambert-93 (EPSG:2154) in WKT 1, as PDF readers expect it.
const char *kLambert93Wkt =
    "PROJCS[\"RGF93 / Lambert-93\",GEOGCS[\"RGF93\",DATUM[\"Reseau_Geodesique_Francais_1993\","
    "SPHEROID[\"GRS 1980\",6378137,298.257222101],TOWGS84[0,0,0,0,0,0,0]],PRIMEM[\"Greenwich\",0],"
    "UNIT[\"degree\",0.0174532925199433],AUTHORITY[\"EPSG\",\"4171\"]],"
    "PROJECTION[\"Lambert_Conformal_Conic_2SP\"],PARAMETER[\"standard_parallel_1\",49],"
    "PARAMETER[\"standard_parallel_2\",44],PARAMETER[\"latitude_of_origin\",46.5],"
    "PARAMETER[\"central_meridian\",3],PARAMETER[\"false_easting\",700000],"
    "PARAMETER[\"false_northing\",6600000],UNIT[\"metre\",1],AUTHORITY[\"EPSG\",\"2154\"]]";

[[noreturn]] void fail(const QString &what)
{
    throw core::Exception(core::ErrorCode::Internal,
                          QStringLiteral("GeoPDF: cannot update the PDF: %1").arg(what));
}

QByteArray number(double v)
{
    return QByteArray::number(v, 'f', 8);
}

} // namespace

QByteArray addGeospatialMetadata(const QByteArray &pdf, const std::vector<GeoFrame> &frames)
{
    if (frames.empty())
        return pdf;
    // The old trailer: size, root, info, and the last xref offset.
    const qsizetype trailerAt = pdf.lastIndexOf("trailer");
    const qsizetype startxrefAt = pdf.lastIndexOf("startxref");
    if (trailerAt < 0 || startxrefAt < trailerAt)
        fail(QStringLiteral("no trailer"));
    const QString trailer = QString::fromLatin1(pdf.mid(trailerAt, startxrefAt - trailerAt));
    const auto size = QRegularExpression(QStringLiteral("/Size\\s+(\\d+)")).match(trailer);
    const auto root =
        QRegularExpression(QStringLiteral("/Root\\s+(\\d+\\s+\\d+\\s+R)")).match(trailer);
    const auto info =
        QRegularExpression(QStringLiteral("/Info\\s+(\\d+\\s+\\d+\\s+R)")).match(trailer);
    const QByteArray tail = pdf.mid(startxrefAt + 9).trimmed();
    const qint64 previousXref = tail.left(tail.indexOf('\n')).trimmed().toLongLong();
    if (!size.hasMatch() || !root.hasMatch() || previousXref <= 0)
        fail(QStringLiteral("unexpected trailer"));
    int nextObject = size.captured(1).toInt();

    // Page objects in order: the /Kids of the page tree.
    const QString text = QString::fromLatin1(pdf);
    const auto rootObject = QRegularExpression(QStringLiteral("(?:^|\\n)%1 obj\\s*<<(.*?)endobj")
                                                   .arg(root.captured(1).chopped(2).trimmed()),
                                               QRegularExpression::DotMatchesEverythingOption)
                                .match(text);
    const auto pagesRef = QRegularExpression(QStringLiteral("/Pages\\s+(\\d+)\\s+0\\s+R"))
                              .match(rootObject.captured(1));
    if (!pagesRef.hasMatch())
        fail(QStringLiteral("no page tree"));
    const auto pagesObject =
        QRegularExpression(
            QStringLiteral("(?:^|\\n)%1 0 obj\\s*<<(.*?)endobj").arg(pagesRef.captured(1)),
            QRegularExpression::DotMatchesEverythingOption)
            .match(text);
    const auto kids = QRegularExpression(QStringLiteral("/Kids\\s*\\[([^\\]]*)\\]"))
                          .match(pagesObject.captured(1));
    if (!kids.hasMatch())
        fail(QStringLiteral("no /Kids"));
    std::vector<int> pages;
    auto it = QRegularExpression(QStringLiteral("(\\d+)\\s+0\\s+R")).globalMatch(kids.captured(1));
    while (it.hasNext())
        pages.push_back(it.next().captured(1).toInt());

    auto transform =
        core::CoordinateTransform::create(QStringLiteral("EPSG:2154"), QStringLiteral("EPSG:4326"));
    if (!transform)
        fail(transform.error().message);

    QByteArray update = pdf.endsWith('\n') ? QByteArray() : QByteArray("\n");
    std::map<int, qint64> offsets; // object number -> offset of the new version
    auto beginObject = [&](int n) {
        offsets[n] = pdf.size() + update.size();
        update += QByteArray::number(n) + " 0 obj\n";
    };

    const int gcs = nextObject++;
    beginObject(gcs);
    update += "<< /Type /PROJCS /EPSG 2154 /WKT (" + QByteArray(kLambert93Wkt) + ") >>\nendobj\n";

    // Viewports per page.
    std::map<int, QByteArray> viewports;
    for (const GeoFrame &f : frames) {
        if (f.page < 0 || f.page >= int(pages.size()))
            continue;
        // Corners in the order of LPTS: (0,0) lower-left, (0,1) upper-left, (1,1), (1,0).
        const QPointF corners[4] = {{f.extent.left(), f.extent.top()},
                                    {f.extent.left(), f.extent.bottom()},
                                    {f.extent.right(), f.extent.bottom()},
                                    {f.extent.right(), f.extent.top()}};
        QByteArray gpts;
        for (QPointF c : corners) {
            double lon = c.x(), lat = c.y();
            if (!(*transform).transform(lon, lat))
                fail(QStringLiteral("cannot transform a corner to WGS 84"));
            gpts += number(lat) + ' ' + number(lon) + ' ';
        }
        const int measure = nextObject++;
        beginObject(measure);
        update += "<< /Type /Measure /Subtype /GEO /Bounds [0 0 0 1 1 1 1 0] /LPTS [0 0 0 1 1 1 1 "
                  "0] /GPTS [" +
                  gpts.trimmed() + "] /GCS " + QByteArray::number(gcs) + " 0 R >>\nendobj\n";
        viewports[pages[std::size_t(f.page)]] +=
            "<< /Type /Viewport /Name (Map) /BBox [" + number(f.pageRect.left()) + ' ' +
            number(f.pageRect.bottom()) + ' ' + number(f.pageRect.right()) + ' ' +
            number(f.pageRect.top()) + "] /Measure " + QByteArray::number(measure) + " 0 R >> ";
    }

    // New versions of the pages: the old dictionary plus /VP. The page rectangles above are in
    // top-left coordinates; PDF user space has y up, so they are flipped with the MediaBox.
    for (auto &[page, vp] : viewports) {
        const auto object =
            QRegularExpression(QStringLiteral("(?:^|\\n)%1 0 obj\\s*<<(.*?)>>\\s*endobj").arg(page),
                               QRegularExpression::DotMatchesEverythingOption)
                .match(text);
        if (!object.hasMatch())
            fail(QStringLiteral("page object %1 not found").arg(page));
        const QString body = object.captured(1);
        const auto media =
            QRegularExpression(
                QStringLiteral(
                    "/MediaBox\\s*\\[\\s*([-\\d.]+)\\s+([-\\d.]+)\\s+([-\\d.]+)\\s+([-\\d.]+)"))
                .match(body);
        if (!media.hasMatch())
            fail(QStringLiteral("page %1 has no MediaBox").arg(page));
        const double height = media.captured(4).toDouble();
        // Flip the y values of each BBox written above.
        QString flipped = QString::fromLatin1(vp);
        QString out;
        auto boxes = QRegularExpression(
                         QStringLiteral("/BBox \\[([-\\d.]+) ([-\\d.]+) ([-\\d.]+) ([-\\d.]+)\\]"))
                         .globalMatch(flipped);
        qsizetype last = 0;
        while (boxes.hasNext()) {
            const auto m = boxes.next();
            out += flipped.mid(last, m.capturedStart() - last);
            out += QStringLiteral("/BBox [%1 %2 %3 %4]")
                       .arg(argText(m.captured(1)),
                            argText(height - m.captured(2).toDouble(), 0, 'f', 4),
                            argText(m.captured(3)),
                            argText(height - m.captured(4).toDouble(), 0, 'f', 4));
            last = m.capturedEnd();
        }
        out += flipped.mid(last);
        beginObject(page);
        update += "<<" + body.toLatin1() + "\n/VP [" + out.toLatin1() + "]\n>>\nendobj\n";
    }

    // Cross-reference section of the update, one subsection per object.
    const qint64 xrefAt = pdf.size() + update.size();
    update += "xref\n";
    for (const auto &[n, offset] : offsets)
        update += QByteArray::number(n) + " 1\n" +
                  QByteArray::number(offset).rightJustified(10, '0') + " 00000 n \n";
    update += "trailer\n<<\n/Size " + QByteArray::number(nextObject) + "\n/Root " +
              root.captured(1).toLatin1() + "\n" +
              (info.hasMatch() ? "/Info " + info.captured(1).toLatin1() + "\n" : QByteArray()) +
              "/Prev " + QByteArray::number(previousXref) + "\n>>\nstartxref\n" +
              QByteArray::number(xrefAt) + "\n%%EOF\n";
    return pdf + update;
}

} // namespace vigie::render
