// SPDX-License-Identifier: GPL-3.0-or-later
// The demo's CCTV cameras.
#include "demomodel.h"

namespace vigie::core::demo {

std::vector<Camera> buildCameras(const City &city, const std::vector<Segment> &roads,
                                 const DemoOptions &options)
{
    Rng rng = Rng::stream(options.seed, StreamCameras);
    const auto spots = hotspots(city);
    std::vector<double> spotWeights;
    for (const auto &s : spots)
        spotWeights.push_back(s.weight[0] + s.weight[1] + s.weight[2] + s.weight[3]);
    const DiscreteSampler spotSampler(spotWeights);
    std::vector<double> roadWeights;
    for (const auto &r : roads)
        roadWeights.push_back(r.length * (r.roadClass == QLatin1String("autoroute") ? 0.4 : 1.0));
    const DiscreteSampler roadSampler(roadWeights);
    std::vector<double> centreWeights;
    for (const auto &q : city.quartiers) {
        const int a = q.arrondissement;
        centreWeights.push_back(double(q.population) *
                                (a <= 3 || a == 6 ? 3.0 : (a <= 7 || a == 8 ? 1.0 : 0.25)));
    }
    const DiscreteSampler centreSampler(centreWeights);

    const int count = 350;
    const QDate oldest(2014, 1, 1);
    const qint64 before = oldest.daysTo(options.firstDay);
    const qint64 during = options.firstDay.daysTo(options.lastDay) + 1;
    std::vector<Camera> cameras;
    for (int i = 0; i < count; ++i) {
        Camera cam;
        const double r = rng.uniform();
        bool onRoad = false;
        int q = -1;
        while (q < 0) {
            if (r < 0.40) {
                const Hotspot &s = spots[spotSampler(rng)];
                cam.at = {rng.normal(s.centre.x, s.sigma * 1.2),
                          rng.normal(s.centre.y, s.sigma * 1.2)};
            } else if (r < 0.65) {
                const std::size_t qi = centreSampler(rng);
                const Box &b = city.quartiers[qi].area.box;
                cam.at = {rng.uniform(b.minX, b.maxX), rng.uniform(b.minY, b.maxY)};
            } else {
                const Segment &seg = roads[roadSampler(rng)];
                double dx = 0, dy = 0;
                const Pt on = pointAlong(seg.points, rng.uniform(0.0, seg.length), &dx, &dy);
                const double off = rng.bernoulli(0.5) ? 14.0 : -14.0;
                cam.at = {on.x - dy * off, on.y + dx * off};
                onRoad = true;
            }
            q = city.index.find(cam.at.x, cam.at.y);
        }
        const double k = rng.uniform();
        cam.kind = onRoad && k < 0.3 ? QStringLiteral("lecture de plaques")
                                     : (k < 0.65 ? QStringLiteral("fixe") : QStringLiteral("dôme"));
        cam.direction = double(rng.between(0, 359));
        cam.fov = double(rng.between(40, 110));
        cam.range = double(rng.between(40, 120));
        cam.maintenance = rng.bernoulli(0.05);
        const QDate installedDay = rng.bernoulli(0.72) && before > 0
                                       ? oldest.addDays(rng.between(0, before - 1))
                                       : options.firstDay.addDays(rng.between(0, during - 1));
        cam.installed = localToUtc(installedDay, 9.0 + rng.uniform(0.0, 7.0));
        if (rng.bernoulli(0.015)) {
            const QDate removedDay = options.firstDay.addDays(rng.between(0, during - 1));
            if (removedDay > installedDay)
                cam.removed = localToUtc(removedDay, 9.0 + rng.uniform(0.0, 7.0));
        }
        cameras.push_back(std::move(cam));
    }
    std::stable_sort(cameras.begin(), cameras.end(),
                     [](const Camera &a, const Camera &b) { return a.installed < b.installed; });
    return cameras;
}

} // namespace vigie::core::demo
