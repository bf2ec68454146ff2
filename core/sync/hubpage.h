// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the sync reads from the hub, before it touches the workspace: the hub's times, its
// GeoJSON geometries as WKB, and a page of features checked and converted (core/sync only).

#include "../crs/crs.h"
#include "../layermanifest.h"
#include "../privacy/pseudonymiser.h"
#include "hubclient.h"

#include <QRectF>
#include <QString>
#include <QVariantList>

#include <cstdint>
#include <optional>
#include <vector>

namespace vigie::core::sync {

QString
tr(const char *text); ///< the sync's messages (context "vigie::core::sync", as lupdate sees them)

/// A feature may be stamped at most this far after this computer's clock (clock skew).
constexpr int kFutureToleranceSeconds = 15 * 60;

/// Lambert-93 domain, with a wide margin: coordinates outside it are not EPSG:2154.
constexpr double kMinX = -500000.0, kMaxX = 1700000.0, kMinY = 5500000.0, kMaxY = 7600000.0;

/// A hub time in the store's form (UTC, milliseconds, "Z"); empty when it is not a time.
QString normaliseHubTime(const QString &text);
bool isLambert93Uri(QString uri);
QString toStoreTime(const QString &normalised);

struct HubFeature
{
    QString id;
    QString updatedAt; ///< normalised
    bool deleted = false;
    QVariantList values;
    std::vector<unsigned char> wkb;
    QRectF envelope;
    QString time; ///< the layer's time field, normalised (empty when none)
};

struct Page
{
    std::vector<HubFeature> features;
    QString timeStamp; ///< the server's clock when it answered (normalised), may be empty
    std::int64_t numberMatched = -1;
};

struct LayerContext
{
    LayerManifest manifest;
    QString collection;
    QString crsUri; ///< requested CRS, empty = CRS84 transformed here
    std::optional<CoordinateTransform> fromCrs84;
    int timeIndex = -1; ///< index of the time field in manifest.fields
    QString now;        ///< this computer's clock when the page was asked for
    QString notAfter;   ///< latest acceptable updated_at (normalised): now + 15 min
    /// Personal fields ("drop", "pseudonymise") are protected before they reach the store.
    std::optional<Pseudonymiser> pseudonymiser;
};

/// Reads and checks a page of the hub's answer: every feature converted, or an error naming it.
Page parsePage(const HubResponse &response, const LayerContext &layer);

} // namespace vigie::core::sync
