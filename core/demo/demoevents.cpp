// SPDX-License-Identifier: GPL-3.0-or-later
// The demo's public events: football, concerts, markets, demonstrations, festivals and sport.
#include "demomodel.h"

#include <numeric>

namespace vigie::core::demo {

namespace {

struct Venue
{
    const char *name;
    Pt at;
};

// Places (Lambert-93, from their WGS 84 coordinates).
const Venue kVelodrome{"Orange Vélodrome", {894599.0, 6244132.0}};
const Venue kDome{"Le Dôme", {894709.0, 6248240.0}};
const Venue kChanot{"Parc Chanot", {893955.0, 6244191.0}};
const Venue kVieuxPort{"Vieux-Port", {892776.0, 6246891.0}};
const Venue kReformes{"Canebière - Réformés", {893615.0, 6247350.0}};
const Venue kNoailles{"Marché de Noailles", {893218.0, 6247060.0}};
const Venue kPrado{"Avenue du Prado", {893987.0, 6245804.0}};
const Venue kPlages{"Plages du Prado", {892851.0, 6243045.0}};
const Venue kDocks{"Dock des Suds", {892171.0, 6249475.0}};
const Venue kCoursJulien{"Cours Julien", {893512.0, 6246735.0}};
const Venue kBorely{"Parc Borély", {893488.0, 6242975.0}};
const Venue kFriche{"Friche la Belle de Mai", {894032.0, 6248620.0}};
const Venue kPharo{"Palais du Pharo", {891697.0, 6246592.0}};

class EventBuilder
{
public:
    EventBuilder(const DemoOptions &options, Rng &rng) : m_options(options), m_rng(rng) {}

    void add(const QString &name, const char *kind, const Venue &venue, const QDate &day,
             double startHour, double hours, std::int64_t attendance)
    {
        if (!day.isValid() || day < m_options.firstDay || day > m_options.lastDay)
            return;
        DemoEvent e;
        e.name = name;
        e.kind = QString::fromLatin1(kind);
        e.venue = QString::fromUtf8(venue.name);
        e.at = venue.at;
        e.start = localToUtc(day, startHour);
        e.end = e.start.addSecs(qint64(hours * 3600.0));
        e.attendance = attendance;
        m_events.push_back(std::move(e));
    }
    /// A day of the given weekday (1 = Monday) within [from, from + spanDays).
    QDate randomDay(const QDate &from, int spanDays, int weekday = 0)
    {
        QDate d = from.addDays(m_rng.between(0, spanDays - 1));
        if (weekday > 0)
            d = d.addDays((weekday - d.dayOfWeek() + 7) % 7);
        return d;
    }
    std::vector<DemoEvent> take() { return std::move(m_events); }

private:
    const DemoOptions &m_options;
    Rng &m_rng;
    std::vector<DemoEvent> m_events;
};

/// The home league matches of the season starting in August of `year` (about every other
/// weekend) and the European nights.
void addFootball(EventBuilder &b, Rng &rng, int year)
{
    static const std::vector<const char *> clubs = {
        "Paris SG", "Lyon",  "Monaco",      "Lille",    "Rennes",       "Nice",  "Lens",
        "Nantes",   "Reims", "Montpellier", "Toulouse", "Strasbourg",   "Brest", "Lorient",
        "Le Havre", "Metz",  "Auxerre",     "Angers",   "Saint-Étienne"};
    static const std::vector<const char *> european = {
        "Ajax",        "Benfica", "Brighton", "Villarreal",  "Shakhtar",
        "Galatasaray", "Porto",   "Atalanta", "Sporting CP", "Betis"};
    const auto kickoff = [&](QDate sunday, QString name, std::int64_t attendance) {
        const double r = rng.uniform();
        if (r < 0.25)
            b.add(name, "football", kVelodrome, sunday.addDays(-1), 21.0, 2.0, attendance);
        else if (r < 0.4)
            b.add(name, "football", kVelodrome, sunday.addDays(-2), 21.0, 2.0, attendance);
        else
            b.add(name, "football", kVelodrome, sunday, 20.75, 2.0, attendance);
    };

    // Football season year/year+1: a home league match about every other weekend.
    QDate sunday = QDate(year, 8, 10);
    sunday = sunday.addDays((7 - sunday.dayOfWeek()) % 7);
    std::vector<std::size_t> order(clubs.size());
    std::iota(order.begin(), order.end(), std::size_t(0));
    for (std::size_t i = order.size(); i > 1; --i)
        std::swap(order[i - 1], order[std::size_t(rng.below(i))]);
    for (std::size_t m = 0; m < order.size(); ++m) {
        const QString opponent = QString::fromUtf8(clubs[order[m]]);
        const std::int64_t attendance = opponent == QLatin1String("Paris SG")
                                            ? rng.between(62000, 65000)
                                            : rng.between(40000, 62000);
        kickoff(sunday, QStringLiteral("OM - %1").arg(opponent), attendance);
        sunday = sunday.addDays(rng.bernoulli(0.8) ? 14 : 21);
        if (sunday.month() == 12 && sunday.day() > 20)
            sunday = sunday.addDays(21);
    }
    // European nights: Thursdays from September to March.
    for (int k = 0; k < 4; ++k) {
        const QDate day = b.randomDay(QDate(year, 9, 15), 180, 4);
        if (day.month() >= 4 && day.month() <= 8)
            continue;
        b.add(QStringLiteral("OM - %1").arg(
                  QString::fromUtf8(european[std::size_t(rng.below(european.size()))])),
              "football", kVelodrome, day, 21.0, 2.0, rng.between(45000, 64000));
    }
}

void addConcertsAndMarkets(EventBuilder &b, Rng &rng, int year)
{
    // Concerts.
    for (int k = 0; k < 4; ++k)
        b.add(QStringLiteral("Concert au Vélodrome"), "concert", kVelodrome,
              b.randomDay(QDate(year, 6, 1), 50, 6), 20.0, 3.5, rng.between(45000, 62000));
    for (int k = 0; k < 20; ++k)
        b.add(QStringLiteral("Concert au Dôme"), "concert", kDome,
              b.randomDay(QDate(year, 1, 8), 340, rng.bernoulli(0.5) ? 5 : 6), 20.0, 3.0,
              rng.between(3500, 8500));
    for (int k = 0; k < 5; ++k)
        b.add(QStringLiteral("Concert au Parc Chanot"), "concert", kChanot,
              b.randomDay(QDate(year, 3, 1), 250, 6), 20.0, 4.0, rng.between(4000, 12000));

    // Markets (attendance per day).
    b.add(QStringLiteral("Foire aux santons"), "marche", kVieuxPort,
          QDate(year, 11, 16).addDays(rng.between(0, 6)), 10.0, 24.0 * 38 + 9.0,
          rng.between(6000, 10000));
    b.add(QStringLiteral("Marché de Noël du Vieux-Port"), "marche", kVieuxPort, QDate(year, 12, 1),
          11.0, 24.0 * 22 + 9.0, rng.between(5000, 9000));
    for (int k = 0; k < 2; ++k) {
        b.add(QStringLiteral("Braderie de Noailles"), "marche", kNoailles,
              b.randomDay(QDate(year, 3 + 5 * k, 1), 60, 6), 8.0, 10.0, rng.between(3000, 7000));
        b.add(QStringLiteral("Vide-greniers du Prado"), "marche", kPrado,
              b.randomDay(QDate(year, 4 + 5 * k, 1), 60, 7), 7.0, 11.0, rng.between(4000, 9000));
    }
    for (int k = 0; k < 3; ++k)
        b.add(QStringLiteral("Marché nocturne du Prado"), "marche", kPrado,
              b.randomDay(QDate(year, 6 + k, 1), 28, 5), 18.0, 6.0, rng.between(2000, 5000));
    b.add(QStringLiteral("Marché des créateurs du Cours Julien"), "marche", kCoursJulien,
          b.randomDay(QDate(year, 5, 1), 30, 6), 10.0, 9.0, rng.between(1500, 4000));
}

void addDemonstrationsAndFestivals(EventBuilder &b, Rng &rng, int year)
{
    // Demonstrations from the Vieux-Port up the Canebière.
    b.add(QStringLiteral("Défilé du 1er mai"), "manifestation", kVieuxPort, QDate(year, 5, 1), 10.5,
          3.5, rng.between(8000, 20000));
    for (int k = 0; k < 11; ++k) {
        const bool saturday = rng.bernoulli(0.4);
        b.add(QStringLiteral("Manifestation Vieux-Port - Canebière"), "manifestation",
              rng.bernoulli(0.7) ? kVieuxPort : kReformes,
              b.randomDay(QDate(year, 1, 10), 345, saturday ? 6 : (rng.bernoulli(0.5) ? 2 : 4)),
              10.5, 3.5, rng.between(1500, 25000));
    }

    // Festivals and other sports.
    b.add(QStringLiteral("Fête de la musique"), "festival", kCoursJulien, QDate(year, 6, 21), 18.0,
          7.0, rng.between(20000, 35000));
    b.add(QStringLiteral("Feu d'artifice du 14 juillet"), "festival", kVieuxPort,
          QDate(year, 7, 14), 21.0, 3.0, rng.between(50000, 70000));
    b.add(QStringLiteral("Festival de Marseille"), "festival", kFriche,
          b.randomDay(QDate(year, 6, 15), 10, 5), 19.0, 24.0 * 14 + 5.0, rng.between(2000, 4000));
    b.add(QStringLiteral("Fiesta des Suds"), "festival", kDocks,
          b.randomDay(QDate(year, 10, 5), 14, 5), 19.0, 24.0 * 2 + 8.0, rng.between(6000, 10000));
    b.add(QStringLiteral("Marsatac"), "festival", kChanot, b.randomDay(QDate(year, 6, 10), 14, 5),
          19.0, 24.0 * 2 + 7.0, rng.between(10000, 16000));
    b.add(QStringLiteral("Marche des fiertés"), "manifestation", kVieuxPort,
          b.randomDay(QDate(year, 7, 1), 10, 6), 14.0, 5.0, rng.between(8000, 15000));
    b.add(QStringLiteral("Foire internationale de Marseille"), "festival", kChanot,
          b.randomDay(QDate(year, 9, 20), 7, 5), 10.0, 24.0 * 10 + 9.0, rng.between(15000, 25000));
    b.add(QStringLiteral("Run in Marseille"), "sport", kVelodrome,
          b.randomDay(QDate(year, 3, 25), 21, 7), 8.0, 6.0, rng.between(8000, 12000));
    b.add(QStringLiteral("Mondial La Marseillaise à pétanque"), "sport", kBorely,
          b.randomDay(QDate(year, 7, 1), 5, 7), 9.0, 24.0 * 4 + 11.0, rng.between(10000, 20000));
    b.add(QStringLiteral("Marseille-Cassis"), "sport", kVelodrome,
          b.randomDay(QDate(year, 10, 20), 10, 7), 9.0, 4.0, rng.between(15000, 20000));
    b.add(QStringLiteral("Rencontres au Pharo"), "festival", kPharo,
          b.randomDay(QDate(year, 9, 1), 60, 4), 9.0, 24.0 * 2 + 9.0, rng.between(1000, 3000));
    b.add(QStringLiteral("Nuit des plages du Prado"), "festival", kPlages,
          b.randomDay(QDate(year, 7, 15), 30, 6), 19.0, 6.0, rng.between(8000, 15000));
}

} // namespace

std::vector<DemoEvent> buildEvents(const DemoOptions &options)
{
    Rng rng = Rng::stream(options.seed, StreamEvents);
    EventBuilder b(options, rng);
    // The calls keep the order of the draws (same seed, same events).
    for (int year = options.firstDay.year() - 1; year <= options.lastDay.year(); ++year) {
        addFootball(b, rng, year);
        addConcertsAndMarkets(b, rng, year);
        addDemonstrationsAndFestivals(b, rng, year);
    }
    std::vector<DemoEvent> events = b.take();
    std::stable_sort(events.begin(), events.end(),
                     [](const DemoEvent &a, const DemoEvent &c) { return a.start < c.start; });
    return events;
}

} // namespace vigie::core::demo
