// SPDX-License-Identifier: GPL-3.0-or-later
#include "placesearch.h"

#include "../store/store.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace vigie::core {

namespace {

/// Field names that hold names or ids of places (besides the layer's label field).
bool namesAPlace(const QString &field)
{
    static const QStringList parts = {QStringLiteral("nom"),     QStringLiteral("name"),
                                      QStringLiteral("libelle"), QStringLiteral("venue"),
                                      QStringLiteral("lieu"),    QStringLiteral("voie"),
                                      QStringLiteral("adresse"), QStringLiteral("address")};
    if (field.endsWith(QLatin1String("_id")) || field == QLatin1String("id"))
        return true;
    for (const QString &p : parts)
        if (field.contains(p))
            return true;
    return false;
}

/// Address base (BAN) columns: numero, rep, nom_voie, code_postal, nom_commune.
bool isAddressLayer(const LayerManifest &m)
{
    return m.field(QStringLiteral("numero")) && m.field(QStringLiteral("nom_voie"));
}

/// Areas first, then venues and landmarks, then streets and addresses.
int layerRank(const LayerManifest &m)
{
    if (m.geometryType == GeometryType::Polygon)
        return 0;
    if (isAddressLayer(m))
        return 3;
    return m.geometryType == GeometryType::Point ? 1 : 2;
}

struct Located
{
    QPointF point;
    QRectF bounds;
};

Located locate(const LayerSnapshot &s, std::size_t row)
{
    Located out;
    if (row < s.x.size() && row < s.y.size())
        out.point = QPointF(s.x[row], s.y[row]);
    if (row < s.geometries.size()) {
        const Geometry &g = s.geometries[row];
        out.bounds = g.bounds;
        if (!g.polygons.empty() || !g.paths.empty())
            out.point = g.bounds.center();
        else
            out.point = g.point;
    }
    return out;
}

/// "12", "bis", "Rue de Rome", "13006", "Marseille" -> "12 bis Rue de Rome, 13006 Marseille".
QString addressText(const QString &numero, const QString &rep, const QString &voie,
                    const QString &postcode, const QString &commune)
{
    QString text = numero.trimmed();
    if (!rep.trimmed().isEmpty())
        text += QLatin1Char(' ') + rep.trimmed();
    text += QLatin1Char(' ') + voie.trimmed();
    const QString town = (postcode.trimmed() + QLatin1Char(' ') + commune.trimmed()).trimmed();
    if (!town.isEmpty())
        text += QStringLiteral(", ") + town;
    return text.trimmed();
}

void indexAddresses(PlaceIndex &index, const Store &store, const LayerSnapshot &s,
                    const QString &title)
{
    const QString id = s.manifest.id;
    auto column = [&](const char *name) {
        return s.manifest.field(QLatin1String(name)) ? store.textsByFid(id, QLatin1String(name))
                                                     : std::unordered_map<std::int64_t, QString>();
    };
    const auto numero = column("numero"), rep = column("rep"), voie = column("nom_voie"),
               postcode = column("code_postal"), commune = column("nom_commune");
    auto value = [](const std::unordered_map<std::int64_t, QString> &m, std::int64_t fid) {
        const auto it = m.find(fid);
        return it == m.end() ? QString() : it->second;
    };
    for (std::size_t row = 0; row < s.size(); ++row) {
        const std::int64_t fid = s.fids[row];
        const QString street = value(voie, fid);
        if (street.trimmed().isEmpty())
            continue;
        const Located at = locate(s, row);
        index.add({addressText(value(numero, fid), value(rep, fid), street, value(postcode, fid),
                               value(commune, fid)),
                   title,
                   id,
                   fid,
                   at.point,
                   QRectF(),
                   layerRank(s.manifest),
                   {}});
    }
}

void indexField(PlaceIndex &index, const Store &store, const LayerSnapshot &s,
                const FieldDef &field, const QString &detail)
{
    const auto texts = store.textsByFid(s.manifest.id, field.name);
    // A venue named by many events is one place (at its first feature).
    QSet<QString> seen;
    for (std::size_t row = 0; row < s.size(); ++row) {
        const auto it = texts.find(s.fids[row]);
        if (it == texts.end())
            continue;
        const QString text = it->second.trimmed();
        if (text.isEmpty() || text.size() > 200 || seen.contains(text))
            continue;
        seen.insert(text);
        const Located at = locate(s, row);
        index.add({text,
                   detail,
                   s.manifest.id,
                   s.fids[row],
                   at.point,
                   at.bounds,
                   layerRank(s.manifest),
                   {}});
    }
}

} // namespace

QString PlaceIndex::fold(const QString &text)
{
    const QString decomposed = text.normalized(QString::NormalizationForm_KD).toLower();
    QString out;
    out.reserve(decomposed.size());
    bool blank = true;
    for (const QChar c : decomposed) {
        if (c.category() == QChar::Mark_NonSpacing)
            continue;
        if (c.isLetterOrNumber()) {
            out += c;
            blank = false;
        } else if (!blank) {
            out += QLatin1Char(' ');
            blank = true;
        }
    }
    if (out.endsWith(QLatin1Char(' ')))
        out.chop(1);
    QStringList words = out.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (QString &w : words) {
        if (w == QLatin1String("st"))
            w = QStringLiteral("saint");
        else if (w == QLatin1String("ste"))
            w = QStringLiteral("sainte");
    }
    return words.join(QLatin1Char(' '));
}

void PlaceIndex::add(Place place)
{
    if (place.folded.isEmpty())
        place.folded = fold(place.text);
    if (!place.folded.isEmpty())
        m_places.push_back(std::move(place));
}

PlaceIndex PlaceIndex::build(const Store &store, const std::vector<LayerSnapshotPtr> &snapshots,
                             const QString &language)
{
    PlaceIndex index;
    for (const LayerSnapshotPtr &snap : snapshots) {
        if (!snap || snap->isRaster() || snap->size() == 0)
            continue;
        const LayerManifest &m = snap->manifest;
        const QString title = m.title.text(language);
        if (isAddressLayer(m)) {
            indexAddresses(index, store, *snap, title);
            continue;
        }
        for (const FieldDef &f : m.fields) {
            if (f.type != FieldType::String || f.personal != PersonalData::None ||
                f.name == m.categoryField || f.name == m.timeField || f.name == m.endTimeField)
                continue;
            if (f.name != m.labelField && !namesAPlace(f.name))
                continue;
            const QString label = f.label.text(language);
            indexField(index, store, *snap, f,
                       f.name == m.labelField || label.isEmpty() ? title
                                                                 : tr("%1 · %2").arg(title, label));
        }
    }
    return index;
}

std::vector<Place> PlaceIndex::find(const QString &query, int limit) const
{
    const QString q = fold(query);
    if (q.size() < 2)
        return {};
    const QStringList words = q.split(QLatin1Char(' '));
    struct Hit
    {
        int quality;
        const Place *place;
    };
    std::vector<Hit> hits;
    for (const Place &p : m_places) {
        int quality = -1;
        if (p.folded == q) {
            quality = 0;
        } else if (p.folded.startsWith(q)) {
            quality = 1;
        } else {
            const QStringList have = p.folded.split(QLatin1Char(' '));
            bool all = true;
            for (const QString &w : words) {
                const bool found = std::any_of(have.begin(), have.end(),
                                               [&](const QString &h) { return h.startsWith(w); });
                if (!found) {
                    all = false;
                    break;
                }
            }
            if (all)
                quality = 2;
        }
        if (quality >= 0)
            hits.push_back({quality, &p});
    }
    std::sort(hits.begin(), hits.end(), [](const Hit &a, const Hit &b) {
        if (a.quality != b.quality)
            return a.quality < b.quality;
        if (a.place->rank != b.place->rank)
            return a.place->rank < b.place->rank;
        if (a.place->text.size() != b.place->text.size())
            return a.place->text.size() < b.place->text.size();
        return a.place->text < b.place->text;
    });
    std::vector<Place> out;
    for (const Hit &h : hits) {
        if (int(out.size()) >= limit)
            break;
        out.push_back(*h.place);
    }
    return out;
}

} // namespace vigie::core
