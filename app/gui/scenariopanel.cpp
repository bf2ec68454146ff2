// SPDX-License-Identifier: GPL-3.0-or-later
#include "scenariopanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDateTime>
#include <QDateTimeEdit>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSet>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyledItemDelegate>
#include <QTableWidget>
#include <QTimeZone>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>

namespace vigie::gui {

namespace {

const QString kPointVenue = QStringLiteral("@point");
constexpr const char *kContext = "vigie::gui::ScenarioPanel";

/// How a parameter is edited.
enum EditorType {
    ComboEditor,
    CheckEditor,
    IntEditor,
    DoubleEditor,
    TextEditor,
    DateTimeEditor, ///< ISO date-time; at its minimum: "automatic" (parameter left out)
    DateEditor,     ///< ISO date
    VenueEditor,    ///< venue name, or x / y when "a point on the map" is chosen
    PointEditor,    ///< x or y of the event place
    AreasEditor,    ///< checkable names of the action area layer
    EditsEditor,    ///< camera edits table
};

/// Camera edit table columns.
enum EditColumn { ColKind, ColId, ColX, ColY, ColDirection, ColFov, ColRange, ColCount };

QString explanation(core::ScenarioKind kind)
{
    switch (kind) {
    case core::ScenarioKind::Forecast:
        return ScenarioPanel::tr(
            "Risk of incidents per cell for the next shift, day or week, from the history: "
            "self-exciting point process (SEPP), prospective hot spots or the last period. "
            "\"Evaluate the models\" compares them on past periods.");
    case core::ScenarioKind::Event:
        return ScenarioPanel::tr("A planned event: the extra incidents expected around the venue, "
                                 "hour by hour, the risk map, the cameras that see the area and "
                                 "their blind spots, and the staffing needed.");
    case core::ScenarioKind::Patrol:
        return ScenarioPanel::tr(
            "Where to place N patrol units for a shift: the risk of the shift, simulated incidents "
            "and response times, two strategies side by side.");
    case core::ScenarioKind::Cameras:
        return ScenarioPanel::tr("Add, move or remove cameras (click the map) or let Vigie suggest "
                                 "sites: the share of the risk the cameras see, before and after.");
    case core::ScenarioKind::Impact:
        return ScenarioPanel::tr(
            "Did an action (new cameras, patrols…) change the incidents in an area? Difference in "
            "differences against comparable areas, and whether incidents moved next door "
            "(displacement) or dropped there too (diffusion of benefits).");
    }
    return {};
}

/// Parameters shown at once; the others go under "More parameters".
bool isMainParameter(core::ScenarioKind kind, const QString &name)
{
    static const QHash<int, QStringList> main = {
        {int(core::ScenarioKind::Forecast),
         {QStringLiteral("model"), QStringLiteral("period"), QStringLiteral("origin")}},
        {int(core::ScenarioKind::Event),
         {QStringLiteral("venue"), QStringLiteral("x"), QStringLiteral("y"), QStringLiteral("type"),
          QStringLiteral("start"), QStringLiteral("durationHours"), QStringLiteral("attendance")}},
        {int(core::ScenarioKind::Patrol),
         {QStringLiteral("date"), QStringLiteral("shift"), QStringLiteral("units"),
          QStringLiteral("strategyA"), QStringLiteral("strategyB"), QStringLiteral("positionsA"),
          QStringLiteral("positionsB")}},
        {int(core::ScenarioKind::Cameras), {QStringLiteral("edits"), QStringLiteral("suggest")}},
        {int(core::ScenarioKind::Impact),
         {QStringLiteral("actionDate"), QStringLiteral("action"), QStringLiteral("actionAreaLayer"),
          QStringLiteral("actionAreas")}},
    };
    return main.value(int(kind)).contains(name);
}

/// Display name of a parameter (its key is English camelCase).
QString parameterLabel(const QString &name)
{
    static const QHash<QString, const char *> labels = {
        {QStringLiteral("model"), QT_TRANSLATE_NOOP("vigie::gui::ScenarioPanel", "Model")},
        {QStringLiteral("period"),
         QT_TRANSLATE_NOOP("vigie::gui::ScenarioPanel", "Forecast period")},
        {QStringLiteral("origin"), QT_TRANSLATE_NOOP("vigie::gui::ScenarioPanel", "Forecast from")},
        {QStringLiteral("cellSize"),
         QT_TRANSLATE_NOOP("vigie::gui::ScenarioPanel", "Cell size (m)")},
        {QStringLiteral("trainingDays"),
         QT_TRANSLATE_NOOP("vigie::gui::ScenarioPanel", "History used (days)")},
        {QStringLiteral("bandwidth"),
         QT_TRANSLATE_NOOP("vigie::gui::ScenarioPanel", "Bandwidth (m)")},
        {QStringLiteral("halfLifeDays"),
         QT_TRANSLATE_NOOP("vigie::gui::ScenarioPanel", "Half-life (days)")},
        {QStringLiteral("venue"), QT_TRANSLATE_NOOP("vigie::gui::ScenarioPanel", "Venue")},
        {QStringLiteral("x"), QT_TRANSLATE_NOOP("vigie::gui::ScenarioPanel", "X (Lambert-93, m)")},
        {QStringLiteral("y"), QT_TRANSLATE_NOOP("vigie::gui::ScenarioPanel", "Y (Lambert-93, m)")},
        {QStringLiteral("start"),
         QT_TRANSLATE_NOOP("vigie::gui::ScenarioPanel", "Start (local time)")},
        {QStringLiteral("durationHours"),
         QT_TRANSLATE_NOOP("vigie::gui::ScenarioPanel", "Duration (hours)")},
        {QStringLiteral("attendance"),
         QT_TRANSLATE_NOOP("vigie::gui::ScenarioPanel", "Expected attendance")},
        {QStringLiteral("type"), QT_TRANSLATE_NOOP("vigie::gui::ScenarioPanel", "Event type")},
        {QStringLiteral("radius"), QT_TRANSLATE_NOOP("vigie::gui::ScenarioPanel", "Radius (m)")},
        {QStringLiteral("riskRadius"),
         QT_TRANSLATE_NOOP("vigie::gui::ScenarioPanel", "Risk map radius (m)")},
        {QStringLiteral("hoursBefore"),
         QT_TRANSLATE_NOOP("vigie::gui::ScenarioPanel", "Hours before")},
        {QStringLiteral("hoursAfter"),
         QT_TRANSLATE_NOOP("vigie::gui::ScenarioPanel", "Hours after")},
        {QStringLiteral("unitsPerIncident"),
         QT_TRANSLATE_NOOP("vigie::gui::ScenarioPanel", "Units per incident")},
        {QStringLiteral("replicates"),
         QT_TRANSLATE_NOOP("vigie::gui::ScenarioPanel", "Replicates")},
        {QStringLiteral("confidence"),
         QT_TRANSLATE_NOOP("vigie::gui::ScenarioPanel", "Confidence level")},
        {QStringLiteral("seed"), QT_TRANSLATE_NOOP("vigie::gui::ScenarioPanel", "Seed")},
        {QStringLiteral("units"), QT_TRANSLATE_NOOP("vigie::gui::ScenarioPanel", "Patrol units")},
        {QStringLiteral("date"), QT_TRANSLATE_NOOP("vigie::gui::ScenarioPanel", "Date")},
        {QStringLiteral("shift"), QT_TRANSLATE_NOOP("vigie::gui::ScenarioPanel", "Shift")},
        {QStringLiteral("strategyA"), QT_TRANSLATE_NOOP("vigie::gui::ScenarioPanel", "Strategy A")},
        {QStringLiteral("strategyB"), QT_TRANSLATE_NOOP("vigie::gui::ScenarioPanel", "Strategy B")},
        {QStringLiteral("positionsA"),
         QT_TRANSLATE_NOOP("vigie::gui::ScenarioPanel", "Positions A")},
        {QStringLiteral("positionsB"),
         QT_TRANSLATE_NOOP("vigie::gui::ScenarioPanel", "Positions B")},
        {QStringLiteral("incidents"),
         QT_TRANSLATE_NOOP("vigie::gui::ScenarioPanel", "Simulated incidents")},
        {QStringLiteral("speedKmh"),
         QT_TRANSLATE_NOOP("vigie::gui::ScenarioPanel", "Speed (km/h)")},
        {QStringLiteral("dispatchSeconds"),
         QT_TRANSLATE_NOOP("vigie::gui::ScenarioPanel", "Dispatch delay (s)")},
        {QStringLiteral("targetMinutes"),
         QT_TRANSLATE_NOOP("vigie::gui::ScenarioPanel", "Target response (min)")},
        {QStringLiteral("roads"),
         QT_TRANSLATE_NOOP("vigie::gui::ScenarioPanel", "Drive on the roads")},
        {QStringLiteral("edits"), QT_TRANSLATE_NOOP("vigie::gui::ScenarioPanel", "Camera changes")},
        {QStringLiteral("suggest"),
         QT_TRANSLATE_NOOP("vigie::gui::ScenarioPanel", "Suggest new cameras")},
        {QStringLiteral("suggestRange"),
         QT_TRANSLATE_NOOP("vigie::gui::ScenarioPanel", "Range of new cameras (m)")},
        {QStringLiteral("suggestFov"),
         QT_TRANSLATE_NOOP("vigie::gui::ScenarioPanel", "Field of view of new cameras (°)")},
        {QStringLiteral("hotspotQuantile"),
         QT_TRANSLATE_NOOP("vigie::gui::ScenarioPanel", "Hot spot quantile")},
        {QStringLiteral("actionDate"),
         QT_TRANSLATE_NOOP("vigie::gui::ScenarioPanel", "Action date")},
        {QStringLiteral("actionAreas"),
         QT_TRANSLATE_NOOP("vigie::gui::ScenarioPanel", "Action area")},
        {QStringLiteral("actionAreaLayer"),
         QT_TRANSLATE_NOOP("vigie::gui::ScenarioPanel", "Areas from")},
        {QStringLiteral("action"), QT_TRANSLATE_NOOP("vigie::gui::ScenarioPanel", "Action")},
        {QStringLiteral("preDays"), QT_TRANSLATE_NOOP("vigie::gui::ScenarioPanel", "Days before")},
        {QStringLiteral("postDays"), QT_TRANSLATE_NOOP("vigie::gui::ScenarioPanel", "Days after")},
        {QStringLiteral("periodDays"),
         QT_TRANSLATE_NOOP("vigie::gui::ScenarioPanel", "Period length (days)")},
        {QStringLiteral("controls"),
         QT_TRANSLATE_NOOP("vigie::gui::ScenarioPanel", "Comparison areas")},
        {QStringLiteral("matchedControls"),
         QT_TRANSLATE_NOOP("vigie::gui::ScenarioPanel", "Matched areas")},
        {QStringLiteral("buffer"),
         QT_TRANSLATE_NOOP("vigie::gui::ScenarioPanel", "Displacement buffer (m)")},
    };
    const char *l = labels.value(name, nullptr);
    return l ? QCoreApplication::translate(kContext, l) : name;
}

/// Display text of a choice value.
QString choiceLabel(const QString &value)
{
    static const QHash<QString, const char *> labels = {
        {QString(), QT_TRANSLATE_NOOP("vigie::gui::ScenarioPanel", "automatic")},
        {QStringLiteral("sepp"),
         QT_TRANSLATE_NOOP("vigie::gui::ScenarioPanel", "self-exciting point process (SEPP)")},
        {QStringLiteral("prospective-kde"),
         QT_TRANSLATE_NOOP("vigie::gui::ScenarioPanel", "prospective hot spots (KDE)")},
        {QStringLiteral("last-period"),
         QT_TRANSLATE_NOOP("vigie::gui::ScenarioPanel", "same as the last period")},
        {QStringLiteral("shift"),
         QT_TRANSLATE_NOOP("vigie::gui::ScenarioPanel", "next shift (8 h)")},
        {QStringLiteral("day"), QT_TRANSLATE_NOOP("vigie::gui::ScenarioPanel", "next day")},
        {QStringLiteral("week"), QT_TRANSLATE_NOOP("vigie::gui::ScenarioPanel", "next week")},
        {QStringLiteral("morning"),
         QT_TRANSLATE_NOOP("vigie::gui::ScenarioPanel", "morning (6–14 h)")},
        {QStringLiteral("afternoon"),
         QT_TRANSLATE_NOOP("vigie::gui::ScenarioPanel", "afternoon (14–22 h)")},
        {QStringLiteral("night"), QT_TRANSLATE_NOOP("vigie::gui::ScenarioPanel", "night (22–6 h)")},
        {QStringLiteral("optimise"),
         QT_TRANSLATE_NOOP("vigie::gui::ScenarioPanel", "optimised for response time")},
        {QStringLiteral("sectors"),
         QT_TRANSLATE_NOOP("vigie::gui::ScenarioPanel", "one unit per sector")},
        {QStringLiteral("hotspots"),
         QT_TRANSLATE_NOOP("vigie::gui::ScenarioPanel", "at the hot spots")},
        {QStringLiteral("positions"),
         QT_TRANSLATE_NOOP("vigie::gui::ScenarioPanel", "given positions")},
        {QStringLiteral("cameras"), QT_TRANSLATE_NOOP("vigie::gui::ScenarioPanel", "new cameras")},
        {QStringLiteral("patrol"), QT_TRANSLATE_NOOP("vigie::gui::ScenarioPanel", "more patrols")},
        {QStringLiteral("other"), QT_TRANSLATE_NOOP("vigie::gui::ScenarioPanel", "other action")},
        {QStringLiteral("matched"),
         QT_TRANSLATE_NOOP("vigie::gui::ScenarioPanel", "the most similar areas")},
        {QStringLiteral("all"), QT_TRANSLATE_NOOP("vigie::gui::ScenarioPanel", "all other areas")},
        {QStringLiteral("quartiers"), QT_TRANSLATE_NOOP("vigie::gui::ScenarioPanel", "quartiers")},
        {QStringLiteral("arrondissements"),
         QT_TRANSLATE_NOOP("vigie::gui::ScenarioPanel", "arrondissements")},
        {QStringLiteral("add"), QT_TRANSLATE_NOOP("vigie::gui::ScenarioPanel", "add")},
        {QStringLiteral("move"), QT_TRANSLATE_NOOP("vigie::gui::ScenarioPanel", "move")},
        {QStringLiteral("remove"), QT_TRANSLATE_NOOP("vigie::gui::ScenarioPanel", "remove")},
    };
    const char *l = labels.value(value, nullptr);
    return l ? QCoreApplication::translate(kContext, l) : value;
}

QDateTime utc(std::int64_t secs)
{
    return QDateTime::fromSecsSinceEpoch(secs, QTimeZone::utc());
}

/// A number for a parameter string ("12.5"), C locale, no trailing zeros.
QString number(double v)
{
    return QString::number(v, 'f', 1).remove(QRegularExpression(QStringLiteral("\\.0$")));
}

/// Numbers of the camera edits table: plain metres and degrees, edited in spin boxes.
class NumberDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QString displayText(const QVariant &value, const QLocale &locale) const override
    {
        if (value.typeId() == QMetaType::Double)
            return locale.toString(value.toDouble(), 'f', 0);
        return QStyledItemDelegate::displayText(value, locale);
    }

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override
    {
        if (index.data(Qt::EditRole).typeId() != QMetaType::Double)
            return QStyledItemDelegate::createEditor(parent, option, index);
        auto *spin = new QDoubleSpinBox(parent);
        spin->setDecimals(0);
        spin->setFrame(false);
        switch (index.column()) {
        case ColX:
        case ColY:
            spin->setRange(0.0, 1e7);
            break;
        case ColDirection:
            spin->setRange(0.0, 359.0);
            spin->setWrapping(true);
            break;
        case ColFov:
            spin->setRange(1.0, 360.0);
            break;
        default:
            spin->setRange(1.0, 5000.0);
            break;
        }
        return spin;
    }
};

double cellNumber(const QTableWidget *table, int row, int column)
{
    const QTableWidgetItem *item = table->item(row, column);
    return item ? item->data(Qt::EditRole).toDouble() : 0.0;
}

} // namespace

struct ScenarioPanel::Editor
{
    QString name;
    QWidget *widget = nullptr;
    int type = TextEditor;
    bool automaticAtZero = false; ///< a numeric 0 means "automatic": left out of the request
};

struct ScenarioPanel::Page
{
    core::ScenarioKind kind = core::ScenarioKind::Forecast;
    QWidget *widget = nullptr;
    QFormLayout *form = nullptr;
    QFormLayout *advanced = nullptr;
    QWidget *advancedBox = nullptr;
    QToolButton *more = nullptr;
    std::vector<Editor> editors;

    const Editor *editor(const QString &name) const
    {
        for (const Editor &e : editors)
            if (e.name == name)
                return &e;
        return nullptr;
    }
};

ScenarioPanel::ScenarioPanel(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("scenarioPanel"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);

    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("scenarioKind"));
    for (core::ScenarioKind k : core::allScenarioKinds())
        m_kind->addItem(core::scenarioKindTitle(k), int(k));
    layout->addWidget(m_kind);
    m_kindHelp = new QLabel(this);
    m_kindHelp->setWordWrap(true);
    m_kindHelp->setStyleSheet(QStringLiteral("color: palette(dark);"));
    layout->addWidget(m_kindHelp);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    layout->addWidget(splitter, 1);

    // Top of the splitter: the page of the scenario and what every scenario shares.
    auto *scroll = new QScrollArea(splitter);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *content = new QWidget(scroll);
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    m_stack = new QStackedWidget(content);
    contentLayout->addWidget(m_stack);

    auto *common = new QGroupBox(content);
    common->setObjectName(QStringLiteral("historyBox"));
    auto *commonForm = new QFormLayout(common);
    m_categories = new QListWidget(common);
    m_categories->setObjectName(QStringLiteral("scenarioCategories"));
    m_categories->setMaximumHeight(96);
    m_categoriesLabel = new QLabel(common);
    commonForm->addRow(m_categoriesLabel, m_categories);
    m_historyLabel = new QLabel(common);
    m_historyLabel->setObjectName(QStringLiteral("scenarioHistory"));
    m_historyLabel->setWordWrap(true);
    m_historyTitle = new QLabel(common);
    commonForm->addRow(m_historyTitle, m_historyLabel);
    contentLayout->addWidget(common);
    contentLayout->addStretch(1);
    scroll->setWidget(content);

    // Bottom: run, progress and the report.
    auto *bottom = new QWidget(splitter);
    auto *bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    auto *buttons = new QHBoxLayout;
    m_run = new QPushButton(bottom);
    m_run->setObjectName(QStringLiteral("runScenario"));
    m_run->setDefault(true);
    m_cancel = new QPushButton(bottom);
    m_cancel->setObjectName(QStringLiteral("cancelScenario"));
    m_cancel->setEnabled(false);
    m_progress = new QProgressBar(bottom);
    m_progress->setObjectName(QStringLiteral("scenarioProgress"));
    m_progress->setRange(0, 100);
    m_progress->setVisible(false);
    buttons->addWidget(m_run);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_progress, 1);
    bottomLayout->addLayout(buttons);
    m_result = new QPlainTextEdit(bottom);
    m_result->setObjectName(QStringLiteral("scenarioResult"));
    m_result->setReadOnly(true);
    m_result->setLineWrapMode(QPlainTextEdit::NoWrap);
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(std::max(7.0, mono.pointSizeF() - 1.0));
    m_result->setFont(mono);
    bottomLayout->addWidget(m_result, 1);
    splitter->addWidget(scroll);
    splitter->addWidget(bottom);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    connect(m_run, &QPushButton::clicked, this, [this] {
        startPick(Pick::None);
        emit runRequested();
    });
    connect(m_cancel, &QPushButton::clicked, this, &ScenarioPanel::cancelRequested);
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this](int index) {
        startPick(Pick::None);
        showPage(index);
        m_kindHelp->setText(explanation(currentKind()));
    });

    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    buildPages();
    retranslateUi();
    m_kindHelp->setText(explanation(currentKind()));
}

ScenarioPanel::~ScenarioPanel() = default;

// --- pages ----------------------------------------------------------------------------------

void ScenarioPanel::buildPages()
{
    while (m_stack->count() > 0) {
        QWidget *w = m_stack->widget(0);
        m_stack->removeWidget(w);
        w->deleteLater();
    }
    m_pages.clear();
    m_edits = nullptr;
    m_venue = nullptr;
    m_areas = nullptr;
    m_areaLayer = nullptr;
    m_evaluate = nullptr;
    m_evaluatePeriods = nullptr;
    for (core::ScenarioKind k : core::allScenarioKinds()) {
        Page page;
        page.kind = k;
        m_pages.push_back(std::move(page));
    }
    for (Page &page : m_pages) {
        buildPage(page);
        m_stack->addWidget(page.widget);
    }
    showPage(std::max(0, m_kind->currentIndex()));
    // Long choices must not widen the dock: combos shrink and elide.
    for (QComboBox *combo : m_stack->findChildren<QComboBox *>()) {
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(12);
    }
    fillPickers();
}

void ScenarioPanel::buildPage(Page &page)
{
    page.widget = new QWidget(m_stack);
    page.widget->setObjectName(QStringLiteral("page_") + core::scenarioKindKey(page.kind));
    auto *layout = new QVBoxLayout(page.widget);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *mainBox = new QWidget(page.widget);
    page.form = new QFormLayout(mainBox);
    page.form->setContentsMargins(0, 0, 0, 0);
    page.form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    layout->addWidget(mainBox);

    page.more = new QToolButton(page.widget);
    page.more->setCheckable(true);
    page.more->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    page.more->setArrowType(Qt::RightArrow);
    page.more->setAutoRaise(true);
    page.more->setText(tr("More parameters"));
    layout->addWidget(page.more);
    page.advancedBox = new QWidget(page.widget);
    page.advanced = new QFormLayout(page.advancedBox);
    page.advanced->setContentsMargins(12, 0, 0, 0);
    page.advanced->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    page.advancedBox->setVisible(false);
    layout->addWidget(page.advancedBox);
    QToolButton *more = page.more;
    QWidget *box = page.advancedBox;
    connect(more, &QToolButton::toggled, this, [more, box](bool on) {
        box->setVisible(on);
        more->setArrowType(on ? Qt::DownArrow : Qt::RightArrow);
    });

    std::vector<core::ParameterInfo> infos;
    try {
        infos = core::scenarioParameters(page.kind);
    } catch (const std::exception &) {
    }
    if (page.kind == core::ScenarioKind::Event) {
        // The event's place may be a point instead of a venue (x, y in Lambert-93).
        for (const char *axis : {"y", "x"}) {
            const QString name = QString::fromLatin1(axis);
            if (std::none_of(infos.begin(), infos.end(),
                             [&](const core::ParameterInfo &i) { return i.name == name; })) {
                core::ParameterInfo info;
                info.name = name;
                info.defaultValue = 0.0;
                info.help = tr("Place of the event in Lambert-93 metres, when it is not at a venue "
                               "of the events layer: pick it on the map.");
                const auto venue =
                    std::find_if(infos.begin(), infos.end(), [](const core::ParameterInfo &i) {
                        return i.name == QLatin1String("venue");
                    });
                infos.insert(venue == infos.end() ? infos.end() : venue + 1, info);
            }
        }
    }
    bool hasPoint = false;
    const core::ParameterInfo *areas = nullptr; // its list goes below the other parameters
    for (const core::ParameterInfo &info : infos) {
        const bool main = isMainParameter(page.kind, info.name);
        QFormLayout *form = main ? page.form : page.advanced;
        if (info.name == QLatin1String("edits")) {
            buildCameraEdits(page, form);
            continue;
        }
        if (info.name == QLatin1String("actionAreas")) {
            areas = &info;
            continue;
        }
        if (page.kind == core::ScenarioKind::Event &&
            (info.name == QLatin1String("x") || info.name == QLatin1String("y")))
            hasPoint = true;
        int type = TextEditor;
        QWidget *editor = makeEditor(page, info, type);
        editor->setObjectName(info.name);
        editor->setToolTip(info.help);
        editor->setWhatsThis(info.help);
        Editor e;
        e.name = info.name;
        e.widget = editor;
        e.type = type;
        e.automaticAtZero = (type == DoubleEditor || type == IntEditor) && info.minimum == 0.0 &&
                            info.defaultValue.toDouble() == 0.0 &&
                            info.name != QLatin1String("suggest") &&
                            info.name != QLatin1String("buffer");
        if (e.automaticAtZero) {
            const QString special = info.name == QLatin1String("attendance")
                                        ? tr("as at past events")
                                        : tr("automatic");
            if (auto *d = qobject_cast<QDoubleSpinBox *>(editor))
                d->setSpecialValueText(special);
            else if (auto *s = qobject_cast<QSpinBox *>(editor))
                s->setSpecialValueText(special);
        }
        page.editors.push_back(e);
        auto *label = new QLabel(parameterLabel(info.name) + QLatin1Char(':'), page.widget);
        label->setToolTip(info.help);
        form->addRow(label, editor);
    }
    if (areas)
        buildAreaPicker(page, isMainParameter(page.kind, areas->name) ? page.form : page.advanced,
                        areas->help);
    if (hasPoint)
        buildEventPlace(page, page.form);
    if (page.kind == core::ScenarioKind::Forecast) {
        auto *row = new QHBoxLayout;
        m_evaluate = new QPushButton(tr("Evaluate the models"), page.widget);
        m_evaluate->setObjectName(QStringLiteral("evaluateModels"));
        m_evaluate->setToolTip(
            tr("Compares the three models on past periods (hit rate, PAI and PEI at 1, 2 and 5 % "
               "of the area); writes nothing to the workspace."));
        m_evaluatePeriods = new QSpinBox(page.widget);
        m_evaluatePeriods->setObjectName(QStringLiteral("evaluationPeriods"));
        m_evaluatePeriods->setRange(1, 104);
        m_evaluatePeriods->setValue(12);
        m_evaluatePeriods->setSuffix(tr(" periods"));
        m_evaluatePeriods->setToolTip(tr("Number of past periods the models are evaluated on."));
        row->addWidget(m_evaluate);
        row->addWidget(m_evaluatePeriods);
        row->addStretch(1);
        page.form->addRow(row);
        connect(m_evaluate, &QPushButton::clicked, this, &ScenarioPanel::evaluateRequested);
    }
    if (page.advanced->rowCount() == 0)
        page.more->setVisible(false);
    layout->addStretch(1);
}

QWidget *ScenarioPanel::makeEditor(Page &page, const core::ParameterInfo &p, int &type)
{
    QWidget *parent = page.widget;
    const QString &name = p.name;
    if (name == QLatin1String("origin") || name == QLatin1String("start")) {
        auto *edit = new QDateTimeEdit(parent);
        edit->setTimeSpec(Qt::UTC);
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(m_language == QLatin1String("fr")
                                   ? QStringLiteral("dd/MM/yyyy HH:mm")
                                   : QStringLiteral("yyyy-MM-dd HH:mm"));
        edit->setMinimumDateTime(QDateTime(QDate(2000, 1, 1), QTime(0, 0), QTimeZone::utc()));
        if (name == QLatin1String("origin"))
            edit->setSpecialValueText(tr("automatic (after the last incident)"));
        edit->setDateTime(edit->minimumDateTime());
        type = DateTimeEditor;
        return edit;
    }
    if (name == QLatin1String("date") || name == QLatin1String("actionDate") ||
        name == QLatin1String("end")) {
        auto *edit = new QDateEdit(parent);
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(m_language == QLatin1String("fr") ? QStringLiteral("dd/MM/yyyy")
                                                                 : QStringLiteral("yyyy-MM-dd"));
        edit->setDate(QDate::currentDate());
        type = DateEditor;
        return edit;
    }
    if (page.kind == core::ScenarioKind::Event && name == QLatin1String("venue")) {
        m_venue = new QComboBox(parent);
        m_venue->setEditable(true);
        m_venue->setInsertPolicy(QComboBox::NoInsert);
        type = VenueEditor;
        connect(m_venue, &QComboBox::currentIndexChanged, this, &ScenarioPanel::updateVenueMode);
        return m_venue;
    }
    if (page.kind == core::ScenarioKind::Event && name == QLatin1String("type")) {
        auto *combo = new QComboBox(parent); // filled from the events layer's categories
        type = ComboEditor;
        return combo;
    }
    if (name == QLatin1String("actionAreaLayer")) {
        // The polygon layers with named areas (titles set from the workspace in fillPickers()).
        m_areaLayer = new QComboBox(parent);
        for (const QString &id : {QStringLiteral("quartiers"), QStringLiteral("arrondissements")})
            m_areaLayer->addItem(choiceLabel(id), id);
        m_areaLayer->setCurrentIndex(std::max(0, m_areaLayer->findData(p.defaultValue.toString())));
        connect(m_areaLayer, &QComboBox::currentIndexChanged, this,
                [this] { fillAreas(m_areaLayer->currentData().toString()); });
        type = ComboEditor;
        return m_areaLayer;
    }
    if (page.kind == core::ScenarioKind::Event &&
        (name == QLatin1String("x") || name == QLatin1String("y"))) {
        auto *spin = new QDoubleSpinBox(parent);
        spin->setDecimals(0);
        spin->setRange(0.0, 1e7);
        spin->setValue(p.defaultValue.toDouble());
        spin->setSuffix(QStringLiteral(" m"));
        spin->setEnabled(false);
        type = PointEditor;
        return spin;
    }
    if (!p.choices.isEmpty()) {
        auto *combo = new QComboBox(parent);
        for (const QString &c : p.choices)
            combo->addItem(choiceLabel(c), c);
        combo->setCurrentIndex(std::max(0, combo->findData(p.defaultValue.toString())));
        type = ComboEditor;
        return combo;
    }
    switch (p.defaultValue.typeId()) {
    case QMetaType::Bool: {
        auto *check = new QCheckBox(parent);
        check->setChecked(p.defaultValue.toBool());
        type = CheckEditor;
        return check;
    }
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::UInt:
    case QMetaType::ULongLong: {
        auto *spin = new QSpinBox(parent);
        spin->setRange(int(p.minimum),
                       p.maximum > p.minimum ? int(std::min(p.maximum, 2e9)) : 1000000000);
        spin->setValue(p.defaultValue.toInt());
        spin->setGroupSeparatorShown(p.maximum >= 10000.0);
        type = IntEditor;
        return spin;
    }
    case QMetaType::Double: {
        auto *spin = new QDoubleSpinBox(parent);
        // Shares with 3 decimals, large ranges (attendance, metres) as whole numbers.
        spin->setDecimals(p.maximum > p.minimum && p.maximum <= 1.0 ? 3
                          : p.minimum > 0.0 && p.minimum < 0.1      ? 2
                          : p.minimum > 0.0 && p.minimum < 1.0      ? 1
                          : p.maximum >= 1000.0                     ? 0
                                                                    : 1);
        spin->setGroupSeparatorShown(p.maximum >= 100000.0);
        spin->setRange(p.minimum, p.maximum > p.minimum ? p.maximum : 1e9);
        spin->setValue(p.defaultValue.toDouble());
        type = DoubleEditor;
        return spin;
    }
    default:
        break;
    }
    auto *edit = new QLineEdit(p.defaultValue.toString(), parent);
    if (name.startsWith(QLatin1String("positions")))
        edit->setPlaceholderText(tr("x,y;x,y;… (with the strategy \"given positions\")"));
    type = TextEditor;
    return edit;
}

void ScenarioPanel::buildEventPlace(Page &page, QFormLayout *form)
{
    m_pickPlace = new QPushButton(tr("Pick the place on the map"), page.widget);
    m_pickPlace->setObjectName(QStringLiteral("pickEventPlace"));
    m_pickPlace->setCheckable(true);
    m_pickPlace->setToolTip(tr("Click the map where the event takes place (instead of a venue)."));
    connect(m_pickPlace, &QPushButton::toggled, this,
            [this](bool on) { startPick(on ? Pick::EventPlace : Pick::None); });
    // Below the x / y rows.
    int row = form->rowCount();
    for (const Editor &e : page.editors)
        if (e.type == PointEditor) {
            int r = -1;
            QFormLayout::ItemRole role;
            form->getWidgetPosition(e.widget, &r, &role);
            if (r >= 0)
                row = r + 1;
        }
    form->insertRow(row, QString(), m_pickPlace);
}

void ScenarioPanel::buildCameraEdits(Page &page, QFormLayout *form)
{
    auto *box = new QWidget(page.widget);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *label = new QLabel(parameterLabel(QStringLiteral("edits")) + QLatin1Char(':'), box);
    layout->addWidget(label);
    m_edits = new QTableWidget(0, ColCount, box);
    m_edits->setObjectName(QStringLiteral("edits"));
    m_edits->setHorizontalHeaderLabels({tr("Change"), tr("Camera"), tr("X"), tr("Y"),
                                        tr("Dir. (°)"), tr("FOV (°)"), tr("Range (m)")});
    m_edits->verticalHeader()->setVisible(false);
    m_edits->setItemDelegate(new NumberDelegate(m_edits));
    m_edits->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_edits->horizontalHeader()->setStretchLastSection(true);
    m_edits->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_edits->setMinimumHeight(110);
    m_edits->setToolTip(tr(
        "Direction: bearing clockwise from north (90 = east). Double-click a value to change it."));
    layout->addWidget(m_edits);

    auto *buttons = new QGridLayout;
    m_addCamera = new QPushButton(tr("Add a camera at a map click"), box);
    m_addCamera->setObjectName(QStringLiteral("addCameraAtClick"));
    m_moveCamera = new QPushButton(tr("Move a camera (click it)"), box);
    m_moveCamera->setObjectName(QStringLiteral("moveCameraAtClick"));
    m_removeCamera = new QPushButton(tr("Remove a camera (click it)"), box);
    m_removeCamera->setObjectName(QStringLiteral("removeCameraAtClick"));
    m_removeRow = new QPushButton(tr("Delete the row"), box);
    m_removeRow->setObjectName(QStringLiteral("removeEditRow"));
    for (QPushButton *b : {m_addCamera, m_moveCamera, m_removeCamera})
        b->setCheckable(true);
    buttons->addWidget(m_addCamera, 0, 0);
    buttons->addWidget(m_moveCamera, 0, 1);
    buttons->addWidget(m_removeCamera, 1, 0);
    buttons->addWidget(m_removeRow, 1, 1);
    layout->addLayout(buttons);
    connect(m_addCamera, &QPushButton::clicked, this,
            [this](bool on) { startPick(on ? Pick::AddCamera : Pick::None); });
    connect(m_moveCamera, &QPushButton::clicked, this,
            [this](bool on) { startPick(on ? Pick::MoveCamera : Pick::None); });
    connect(m_removeCamera, &QPushButton::clicked, this,
            [this](bool on) { startPick(on ? Pick::RemoveCamera : Pick::None); });
    connect(m_removeRow, &QPushButton::clicked, this, [this] {
        QList<int> rows;
        for (const QModelIndex &i : m_edits->selectionModel()->selectedRows())
            rows << i.row();
        if (rows.isEmpty() && m_edits->currentRow() >= 0)
            rows << m_edits->currentRow();
        std::sort(rows.begin(), rows.end(), std::greater<int>());
        for (int r : rows)
            m_edits->removeRow(r);
    });
    form->addRow(box);
    Editor e;
    e.name = QStringLiteral("edits");
    e.widget = m_edits;
    e.type = EditsEditor;
    page.editors.push_back(e);
}

void ScenarioPanel::buildAreaPicker(Page &page, QFormLayout *form, const QString &help)
{
    auto *box = new QWidget(page.widget);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *filter = new QLineEdit(box);
    filter->setObjectName(QStringLiteral("areaFilter"));
    filter->setPlaceholderText(tr("Search a name…"));
    filter->setClearButtonEnabled(true);
    layout->addWidget(filter);
    m_areas = new QListWidget(box);
    m_areas->setObjectName(QStringLiteral("actionAreas"));
    m_areas->setMinimumHeight(120);
    m_areas->setToolTip(help.isEmpty() ? tr("Tick the area(s) where the action took place.")
                                       : help);
    layout->addWidget(m_areas);
    connect(filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        for (int i = 0; i < m_areas->count(); ++i) {
            QListWidgetItem *item = m_areas->item(i);
            item->setHidden(!text.isEmpty() && !item->text().contains(text, Qt::CaseInsensitive) &&
                            item->checkState() != Qt::Checked);
        }
    });
    form->addRow(parameterLabel(QStringLiteral("actionAreas")) + QLatin1Char(':'), box);
    Editor e;
    e.name = QStringLiteral("actionAreas");
    e.widget = m_areas;
    e.type = AreasEditor;
    page.editors.push_back(e);
}

// --- workspace ------------------------------------------------------------------------------

void ScenarioPanel::setWorkspace(const ScenarioWorkspace &workspace, const QString &language)
{
    const bool languageChanged = language != m_language;
    m_workspace = workspace;
    m_language = language;
    if (languageChanged)
        buildPages(); // date formats follow the language
    else
        fillPickers();
}

void ScenarioPanel::fillPickers()
{
    const core::LayerManifest *incidents = nullptr;
    const core::LayerManifest *events = nullptr;
    for (const core::LayerManifest &m : m_workspace.layers) {
        if (m.id == QLatin1String("incidents"))
            incidents = &m;
        else if (m.id == QLatin1String("events"))
            events = &m;
    }
    // Categories of the incidents.
    m_categories->clear();
    if (incidents)
        for (const core::CategoryDef &c : incidents->categories) {
            auto *item = new QListWidgetItem(c.label.text(m_language), m_categories);
            item->setData(Qt::UserRole, c.value);
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Checked);
        }
    m_categories->setEnabled(m_categories->count() > 0);

    const bool haveData = m_workspace.dataMax != core::LayerSnapshot::kNoTime;
    const QDate lastDay = haveData ? utc(m_workspace.dataMax).date() : QDate::currentDate();
    for (Page &page : m_pages) {
        for (Editor &e : page.editors) {
            if (page.kind == core::ScenarioKind::Event && e.name == QLatin1String("type")) {
                auto *combo = static_cast<QComboBox *>(e.widget);
                const QString was = combo->currentData().toString();
                combo->clear();
                combo->addItem(tr("every type"), QString());
                if (events)
                    for (const core::CategoryDef &c : events->categories)
                        combo->addItem(c.label.text(m_language), c.value);
                combo->setCurrentIndex(std::max(0, combo->findData(was)));
            } else if (e.name == QLatin1String("start")) {
                // The first Saturday after the data, 21:00 (a match evening).
                QDate day = lastDay.addDays(1);
                while (day.dayOfWeek() != Qt::Saturday)
                    day = day.addDays(1);
                static_cast<QDateTimeEdit *>(e.widget)->setDateTime(
                    QDateTime(day, QTime(21, 0), QTimeZone::utc()));
            } else if (e.name == QLatin1String("date")) {
                static_cast<QDateEdit *>(e.widget)->setDate(lastDay.addDays(1));
            } else if (e.name == QLatin1String("actionDate")) {
                static_cast<QDateEdit *>(e.widget)->setDate(lastDay.addYears(-1));
            }
        }
    }
    if (m_venue) {
        // Keep the venue chosen; else the stadium (the most common planning case).
        const QString was = m_venue->currentData().toString();
        m_venue->blockSignals(true);
        m_venue->clear();
        for (const QString &v : m_workspace.venues)
            m_venue->addItem(v, v);
        m_venue->addItem(tr("(a point on the map)"), kPointVenue);
        int i = was.isEmpty() || was == kPointVenue ? -1 : m_venue->findData(was);
        if (i < 0)
            i = std::max(0, m_venue->findText(QStringLiteral("Vélodrome"), Qt::MatchContains));
        m_venue->setCurrentIndex(i);
        m_venue->blockSignals(false);
        updateVenueMode();
    }
    if (m_areaLayer) {
        // Only the area layers present in the workspace.
        for (int i = 0; i < m_areaLayer->count(); ++i) {
            const QString id = m_areaLayer->itemData(i).toString();
            for (const core::LayerManifest &m : m_workspace.layers)
                if (m.id == id)
                    m_areaLayer->setItemText(i, m.title.text(m_language));
        }
        fillAreas(m_areaLayer->currentData().toString());
    } else {
        fillAreas(QStringLiteral("quartiers"));
    }
    updateHistoryLabel();
}

void ScenarioPanel::fillAreas(const QString &layerId)
{
    if (!m_areas)
        return;
    QSet<QString> ticked;
    for (int i = 0; i < m_areas->count(); ++i)
        if (m_areas->item(i)->checkState() == Qt::Checked)
            ticked.insert(m_areas->item(i)->text());
    m_areas->clear();
    const auto it = m_workspace.areaLayers.find(layerId);
    if (it == m_workspace.areaLayers.end() || !it->second)
        return;
    QStringList names(it->second->labels.begin(), it->second->labels.end());
    names.removeAll(QString());
    names.removeDuplicates();
    std::sort(names.begin(), names.end(), [](const QString &a, const QString &b) {
        return QString::localeAwareCompare(a, b) < 0;
    });
    for (const QString &n : names) {
        auto *item = new QListWidgetItem(n, m_areas);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(ticked.contains(n) ? Qt::Checked : Qt::Unchecked);
    }
}

void ScenarioPanel::setHistory(std::int64_t from, std::int64_t to)
{
    m_historyFrom = from;
    m_historyTo = to;
    updateHistoryLabel();
}

void ScenarioPanel::updateHistoryLabel()
{
    const QString format = m_language == QLatin1String("fr") ? QStringLiteral("dd/MM/yyyy")
                                                             : QStringLiteral("yyyy-MM-dd");
    auto date = [&](std::int64_t t) { return utc(t).date().toString(format); };
    const bool haveData = m_workspace.dataMin != core::LayerSnapshot::kNoTime &&
                          m_workspace.dataMax != core::LayerSnapshot::kNoTime;
    if (m_historyFrom == core::LayerSnapshot::kNoTime &&
        m_historyTo == core::LayerSnapshot::kNoTime) {
        m_historyLabel->setText(haveData
                                    ? tr("all the data (%1 – %2)")
                                          .arg(date(m_workspace.dataMin), date(m_workspace.dataMax))
                                    : tr("all the data"));
    } else {
        const std::int64_t from =
            m_historyFrom != core::LayerSnapshot::kNoTime ? m_historyFrom : m_workspace.dataMin;
        const std::int64_t to =
            m_historyTo != core::LayerSnapshot::kNoTime ? m_historyTo : m_workspace.dataMax;
        m_historyLabel->setText(
            tr("%1 – %2 (the Period filter)")
                .arg(from == core::LayerSnapshot::kNoTime ? QStringLiteral("…") : date(from),
                     to == core::LayerSnapshot::kNoTime ? QStringLiteral("…") : date(to)));
    }
}

void ScenarioPanel::updateVenueMode()
{
    if (!m_venue)
        return;
    const bool point = m_venue->currentData().toString() == kPointVenue;
    for (const Page &page : m_pages)
        for (const Editor &e : page.editors)
            if (e.type == PointEditor)
                e.widget->setEnabled(point);
}

// --- state ----------------------------------------------------------------------------------

core::ScenarioKind ScenarioPanel::currentKind() const
{
    return core::ScenarioKind(m_kind->currentData().toInt());
}

void ScenarioPanel::setCurrentKind(core::ScenarioKind kind)
{
    const int i = m_kind->findData(int(kind));
    if (i >= 0)
        m_kind->setCurrentIndex(i);
}

void ScenarioPanel::showPage(int index)
{
    // The stack takes the height of the page shown, not of the tallest one.
    for (int i = 0; i < m_stack->count(); ++i)
        m_stack->widget(i)->setSizePolicy(
            i == index ? QSizePolicy::Preferred : QSizePolicy::Ignored,
            i == index ? QSizePolicy::Preferred : QSizePolicy::Ignored);
    m_stack->setCurrentIndex(index);
    m_stack->adjustSize();
}

const ScenarioPanel::Page *ScenarioPanel::page(core::ScenarioKind kind) const
{
    for (const Page &p : m_pages)
        if (p.kind == kind)
            return &p;
    return nullptr;
}

QWidget *ScenarioPanel::parameterEditor(core::ScenarioKind kind, const QString &name) const
{
    const Page *p = page(kind);
    const Editor *e = p ? p->editor(name) : nullptr;
    return e ? e->widget : nullptr;
}

void ScenarioPanel::setAttributeLookup(
    std::function<QVariantMap(const QString &, std::int64_t)> lookup)
{
    m_lookup = std::move(lookup);
}

void ScenarioPanel::setRunning(bool running)
{
    m_running = running;
    m_run->setEnabled(!running);
    if (m_evaluate)
        m_evaluate->setEnabled(!running);
    m_cancel->setEnabled(running);
    m_progress->setVisible(running);
    if (running) {
        m_progress->setValue(0);
        startPick(Pick::None);
    }
}

void ScenarioPanel::setProgress(double percent)
{
    m_progress->setValue(int(std::clamp(percent, 0.0, 100.0)));
}

void ScenarioPanel::setResultText(const QString &text)
{
    m_result->setPlainText(text);
}

QString ScenarioPanel::resultText() const
{
    return m_result->toPlainText();
}

// --- requests -------------------------------------------------------------------------------

core::ScenarioRequest ScenarioPanel::request() const
{
    return request(currentKind());
}

core::ScenarioRequest ScenarioPanel::request(core::ScenarioKind kind) const
{
    core::ScenarioRequest r;
    r.kind = kind;
    r.selection.layer = QStringLiteral("incidents");
    r.selection.from = m_historyFrom;
    r.selection.to = m_historyTo;
    bool all = true;
    QStringList categories;
    for (int i = 0; i < m_categories->count(); ++i) {
        const QListWidgetItem *item = m_categories->item(i);
        if (item->checkState() == Qt::Checked)
            categories << item->data(Qt::UserRole).toString();
        else
            all = false;
    }
    if (!all)
        r.selection.categories = categories;
    if (const Page *p = page(kind))
        r.parameters = parameters(*p);
    return r;
}

QVariantMap ScenarioPanel::parameters(const Page &page) const
{
    QVariantMap values;
    const bool pointVenue = m_venue && m_venue->currentData().toString() == kPointVenue;
    for (const Editor &e : page.editors) {
        QVariant v;
        switch (e.type) {
        case ComboEditor:
            v = static_cast<QComboBox *>(e.widget)->currentData().toString();
            break;
        case CheckEditor:
            v = static_cast<QCheckBox *>(e.widget)->isChecked();
            break;
        case IntEditor:
            v = static_cast<QSpinBox *>(e.widget)->value();
            break;
        case DoubleEditor:
            v = static_cast<QDoubleSpinBox *>(e.widget)->value();
            break;
        case TextEditor:
            v = static_cast<QLineEdit *>(e.widget)->text().trimmed();
            break;
        case DateTimeEditor: {
            auto *edit = static_cast<QDateTimeEdit *>(e.widget);
            // Shown and sent as Marseille's local time (no offset: the core reads it so).
            if (edit->dateTime() > edit->minimumDateTime())
                v = edit->dateTime().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"));
            break;
        }
        case DateEditor:
            v = static_cast<QDateEdit *>(e.widget)->date().toString(Qt::ISODate);
            break;
        case VenueEditor:
            if (!pointVenue)
                v = static_cast<QComboBox *>(e.widget)->currentText().trimmed();
            break;
        case PointEditor:
            if (pointVenue)
                v = static_cast<QDoubleSpinBox *>(e.widget)->value();
            break;
        case AreasEditor: {
            QStringList names;
            for (int i = 0; i < m_areas->count(); ++i)
                if (m_areas->item(i)->checkState() == Qt::Checked)
                    names << m_areas->item(i)->text();
            v = names.join(QLatin1Char(','));
            break;
        }
        case EditsEditor:
            v = cameraEdits();
            break;
        }
        if (!v.isValid())
            continue;
        if (v.typeId() == QMetaType::QString && v.toString().isEmpty())
            continue;
        if (e.automaticAtZero && v.toDouble() == 0.0)
            continue;
        values.insert(e.name, v);
    }
    return values;
}

QVariantMap ScenarioPanel::evaluationParameters() const
{
    QVariantMap values;
    if (const Page *p = page(core::ScenarioKind::Forecast)) {
        const QVariantMap forecast = parameters(*p);
        for (const char *key :
             {"period", "cellSize", "trainingDays", "bandwidth", "halfLifeDays"}) {
            const QString k = QString::fromLatin1(key);
            if (forecast.contains(k))
                values.insert(k, forecast.value(k));
        }
    }
    if (m_evaluatePeriods)
        values.insert(QStringLiteral("periods"), m_evaluatePeriods->value());
    return values;
}

QString ScenarioPanel::cameraEdits() const
{
    if (!m_edits)
        return {};
    QStringList parts;
    for (int row = 0; row < m_edits->rowCount(); ++row) {
        auto *kindCombo = qobject_cast<QComboBox *>(m_edits->cellWidget(row, ColKind));
        const QString kind = kindCombo ? kindCombo->currentData().toString() : QString();
        const QTableWidgetItem *idItem = m_edits->item(row, ColId);
        const QString id = idItem ? idItem->text().trimmed() : QString();
        const QString geometry = QStringList{number(cellNumber(m_edits, row, ColX)),
                                             number(cellNumber(m_edits, row, ColY)),
                                             number(cellNumber(m_edits, row, ColDirection)),
                                             number(cellNumber(m_edits, row, ColFov)),
                                             number(cellNumber(m_edits, row, ColRange))}
                                     .join(QLatin1Char(','));
        if (kind == QLatin1String("add"))
            parts << QStringLiteral("add:") + geometry;
        else if (kind == QLatin1String("move") && !id.isEmpty())
            parts << QStringLiteral("move:%1:%2").arg(id, geometry);
        else if (kind == QLatin1String("remove") && !id.isEmpty())
            parts << QStringLiteral("remove:") + id;
    }
    return parts.join(QLatin1Char(';'));
}

int ScenarioPanel::cameraEditCount() const
{
    return m_edits ? m_edits->rowCount() : 0;
}

void ScenarioPanel::addCameraRow(const QString &kind, const QString &id, double x, double y,
                                 double direction, double fov, double range)
{
    const int row = m_edits->rowCount();
    m_edits->insertRow(row);
    auto *combo = new QComboBox(m_edits);
    for (const char *k : {"add", "move", "remove"})
        combo->addItem(choiceLabel(QString::fromLatin1(k)), QString::fromLatin1(k));
    combo->setCurrentIndex(std::max(0, combo->findData(kind)));
    combo->setFrame(false);
    m_edits->setCellWidget(row, ColKind, combo);
    auto *idItem = new QTableWidgetItem(id);
    m_edits->setItem(row, ColId, idItem);
    const double values[] = {std::round(x), std::round(y), direction, fov, range};
    for (int c = ColX; c < ColCount; ++c) {
        auto *item = new QTableWidgetItem;
        item->setData(Qt::EditRole, values[c - ColX]);
        m_edits->setItem(row, c, item);
    }
    // A removed camera has no geometry to edit; an added one no id.
    auto updateRow = [this, combo, idItem] {
        int r = -1;
        for (int i = 0; i < m_edits->rowCount(); ++i)
            if (m_edits->cellWidget(i, ColKind) == combo)
                r = i;
        if (r < 0)
            return;
        const QString k = combo->currentData().toString();
        const Qt::ItemFlags editable =
            Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsEditable;
        const Qt::ItemFlags frozen = Qt::ItemIsSelectable;
        idItem->setFlags(k == QLatin1String("add") ? frozen : editable);
        for (int c = ColX; c < ColCount; ++c)
            if (QTableWidgetItem *item = m_edits->item(r, c))
                item->setFlags(k == QLatin1String("remove") ? frozen : editable);
    };
    connect(combo, &QComboBox::currentIndexChanged, this, updateRow);
    updateRow();
    m_edits->scrollToBottom();
    m_edits->selectRow(row);
}

// --- picking --------------------------------------------------------------------------------

void ScenarioPanel::startPick(Pick target)
{
    const bool wasPicking = m_pick != Pick::None;
    m_pick = target;
    auto setChecked = [](QPushButton *b, bool on) {
        if (b) {
            const QSignalBlocker block(b);
            b->setChecked(on);
        }
    };
    setChecked(m_addCamera, target == Pick::AddCamera);
    setChecked(m_moveCamera, target == Pick::MoveCamera);
    setChecked(m_removeCamera, target == Pick::RemoveCamera);
    setChecked(m_pickPlace, target == Pick::EventPlace);
    const bool picking = target != Pick::None;
    if (picking) {
        switch (target) {
        case Pick::AddCamera:
            emit message(tr("Click the map where the new camera goes."));
            break;
        case Pick::MoveCamera:
            emit message(tr("Click the camera to move."));
            break;
        case Pick::RemoveCamera:
            emit message(tr("Click the camera to remove."));
            break;
        case Pick::EventPlace:
            emit message(tr("Click the map where the event takes place."));
            break;
        case Pick::None:
            break;
        }
    }
    if (picking || wasPicking)
        emit pickModeChanged(picking);
}

void ScenarioPanel::pointPicked(const QPointF &p, double tolerance)
{
    const Pick target = m_pick;
    switch (target) {
    case Pick::None:
        return;
    case Pick::EventPlace: {
        if (m_venue)
            m_venue->setCurrentIndex(m_venue->findData(kPointVenue));
        if (const Page *page = this->page(core::ScenarioKind::Event)) {
            if (const Editor *x = page->editor(QStringLiteral("x")))
                static_cast<QDoubleSpinBox *>(x->widget)->setValue(std::round(p.x()));
            if (const Editor *y = page->editor(QStringLiteral("y")))
                static_cast<QDoubleSpinBox *>(y->widget)->setValue(std::round(p.y()));
        }
        startPick(Pick::None);
        return;
    }
    case Pick::AddCamera: {
        // A new camera looks north with the field of view and range of suggested ones.
        auto value = [this](const char *name, double fallback) {
            QWidget *w = parameterEditor(core::ScenarioKind::Cameras, QString::fromLatin1(name));
            if (auto *d = qobject_cast<QDoubleSpinBox *>(w))
                return d->value();
            if (auto *i = qobject_cast<QSpinBox *>(w))
                return double(i->value());
            return fallback;
        };
        const double fov = value("suggestFov", 90.0);
        const double range = value("suggestRange", 80.0);
        addCameraRow(QStringLiteral("add"), QString(), p.x(), p.y(), 0.0, fov, range);
        startPick(Pick::None);
        emit message(
            tr("Camera added at %1, %2; set its direction in the table.")
                .arg(QLocale().toString(p.x(), 'f', 0), QLocale().toString(p.y(), 'f', 0)));
        return;
    }
    case Pick::MoveCamera:
    case Pick::RemoveCamera: {
        const core::LayerSnapshotPtr cameras = m_workspace.cameras;
        std::ptrdiff_t best = -1;
        double bestDistance = std::max(tolerance, 15.0);
        // Cameras in service only (the scenario cannot move one in maintenance or removed).
        const int maintenance =
            cameras ? cameras->manifest.categoryIndex(QStringLiteral("maintenance")) : -1;
        if (cameras)
            for (std::size_t i = 0; i < cameras->x.size(); ++i) {
                if (maintenance >= 0 && i < cameras->category.size() &&
                    cameras->category[i] == maintenance)
                    continue;
                if (i < cameras->endTime.size() &&
                    cameras->endTime[i] != core::LayerSnapshot::kNoTime)
                    continue;
                const double d = std::hypot(cameras->x[i] - p.x(), cameras->y[i] - p.y());
                if (d <= bestDistance) {
                    bestDistance = d;
                    best = std::ptrdiff_t(i);
                }
            }
        if (best < 0) {
            emit message(tr("No camera here: click on a camera of the map."));
            return; // still picking
        }
        const std::int64_t fid = cameras->fids[std::size_t(best)];
        QString id;
        if (m_lookup)
            id = m_lookup(cameras->manifest.id, fid).value(QStringLiteral("camera_id")).toString();
        if (id.isEmpty())
            id = QStringLiteral("#%1").arg(fid); // as the core names cameras without an id
        auto numberOf = [&](const char *field, double fallback) {
            const auto it = cameras->numbers.constFind(QString::fromLatin1(field));
            if (it == cameras->numbers.cend() || std::size_t(best) >= it->size())
                return fallback;
            const double v = (*it)[std::size_t(best)];
            return std::isfinite(v) ? v : fallback;
        };
        addCameraRow(target == Pick::MoveCamera ? QStringLiteral("move") : QStringLiteral("remove"),
                     id, cameras->x[std::size_t(best)], cameras->y[std::size_t(best)],
                     numberOf("direction", 0.0), numberOf("fov", 90.0), numberOf("range_m", 60.0));
        startPick(Pick::None);
        emit message(
            target == Pick::MoveCamera
                ? tr("Camera %1 picked: change its position or direction in the table.").arg(id)
                : tr("Camera %1 will be removed.").arg(id));
        return;
    }
    }
}

// --- language -------------------------------------------------------------------------------

void ScenarioPanel::retranslateUi()
{
    for (int i = 0; i < m_kind->count(); ++i)
        m_kind->setItemText(
            i, core::scenarioKindTitle(core::ScenarioKind(m_kind->itemData(i).toInt())));
    m_kindHelp->setText(explanation(currentKind()));
    if (auto *box = findChild<QGroupBox *>(QStringLiteral("historyBox")))
        box->setTitle(tr("Incidents used"));
    m_categoriesLabel->setText(tr("Categories:"));
    m_categories->setToolTip(tr("Incident categories used (all ticked: every category)."));
    m_historyTitle->setText(tr("History:"));
    m_historyLabel->setToolTip(tr(
        "The history the scenario learns from is the Period filter at the bottom of the window."));
    m_run->setText(tr("Run"));
    m_cancel->setText(tr("Cancel"));
    m_result->setPlaceholderText(tr("The report of the scenario appears here."));
    updateHistoryLabel();
}

void ScenarioPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        buildPages(); // labels, choices and help of the parameters (values start again)
    }
    QWidget::changeEvent(event);
}

} // namespace vigie::gui
