// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../layersnapshot.h"

#include <QCoreApplication>
#include <QPointF>
#include <QRectF>
#include <QString>

#include <cstdint>
#include <vector>

namespace vigie::core {

class Store;

/// One place a search can find: a quartier, a venue, a camera, a street, an address…
struct Place
{
    QString text;   ///< as shown: "Noailles", "Orange Vélodrome", "12 Rue de Rome"
    QString detail; ///< where it comes from: "Quartiers", "Événements publics · Lieu"
    QString layerId;
    std::int64_t fid = -1;
    QPointF point;  ///< Lambert-93: the marker
    QRectF bounds;  ///< Lambert-93: what to show (a polygon's box, empty for points)
    int rank = 0;   ///< lower comes first among equally good matches (areas first)
    QString folded; ///< text folded for matching (see PlaceIndex::fold)
};

/**
 * The workspace's gazetteer for the search box: names of areas (quartiers, arrondissements),
 * venues and event names, camera and segment ids, streets and landmarks, and addresses of a
 * layer in the national address base's format (numero, rep, nom_voie, code_postal,
 * nom_commune). Fields marked as personal data are never indexed.
 *
 * Matching ignores case, accents and punctuation; every word typed must begin a word of the
 * place ("n-d garde" finds "Notre-Dame de la Garde"; "st charles" finds "Saint-Charles").
 */
class PlaceIndex
{
    Q_DECLARE_TR_FUNCTIONS(vigie::core::PlaceIndex)

public:
    /// Reads the searchable fields of the layers in `snapshots` from `store` (throws Exception
    /// on a store error). `language` gives the layers' and fields' names in `detail`.
    static PlaceIndex build(const Store &store, const std::vector<LayerSnapshotPtr> &snapshots,
                            const QString &language);

    void add(Place place);
    std::size_t size() const { return m_places.size(); }

    /// The best `limit` places for `query`, best first: the whole name, then names that begin
    /// with the query, then names where every word typed begins a word; shorter names and
    /// areas before others. Empty for a query of less than two characters.
    std::vector<Place> find(const QString &query, int limit = 12) const;

    /// Lower case, no accents, punctuation as blanks, "st"/"ste" as "saint"/"sainte", one
    /// blank between words.
    static QString fold(const QString &text);

private:
    std::vector<Place> m_places;
};

} // namespace vigie::core
