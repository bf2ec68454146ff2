// SPDX-License-Identifier: GPL-3.0-or-later
#include "scenariopanel.h"

#include "datefield.h"

#include "parameterform.h"
#include "scenarioeditors.h"

#include "core/cityzone.h"
#include "core/processing/algorithm.h"

#include <QComboBox>
#include <QDateTime>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableWidget>
#include <QTimeZone>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>

namespace vigie::gui {

namespace {

const QString kPointVenue = QStringLiteral("@point");

QDateTime utc(std::int64_t secs)
{
    return QDateTime::fromSecsSinceEpoch(secs, QTimeZone::utc());
}

const core::processing::Algorithm *algorithmOf(core::ScenarioKind kind)
{
    return core::processing::AlgorithmRegistry::instance().find(core::scenarioKindKey(kind));
}

QString kindExplanation(core::ScenarioKind kind)
{
    const core::processing::Algorithm *a = algorithmOf(kind);
    return a ? a->explanation() : QString();
}

/// A form's value as the request carries it (the command line's text): ISO dates, local
/// date-times without offset (the core reads them as the city's time), comma-separated lists.
QVariant requestValue(const QVariant &v)
{
    switch (v.typeId()) {
    case QMetaType::QDate:
        return v.toDate().toString(Qt::ISODate);
    case QMetaType::QDateTime: {
        const QDateTime local = v.toDateTime().toTimeZone(core::cityTimeZone());
        return local.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"));
    }
    case QMetaType::QStringList:
        return v.toStringList().join(QLatin1Char(','));
    default:
        return v;
    }
}

} // namespace

struct ScenarioPanel::Page
{
    core::ScenarioKind kind = core::ScenarioKind::Forecast;
    QWidget *widget = nullptr;
    ParameterForm *form = nullptr;
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
        m_kindHelp->setText(kindExplanation(currentKind()));
    });

    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    buildPages();
    retranslateUi();
    m_kindHelp->setText(kindExplanation(currentKind()));
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
    m_pickPlace = nullptr;
    m_areas = nullptr;
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

/// The page of a scenario: the form generated from its algorithm's declarations.
void ScenarioPanel::buildPage(Page &page)
{
    page.widget = new QWidget(m_stack);
    page.widget->setObjectName(QStringLiteral("page_") + core::scenarioKindKey(page.kind));
    auto *layout = new QVBoxLayout(page.widget);
    layout->setContentsMargins(0, 0, 0, 0);
    page.form = new ParameterForm(page.widget);
    addCustomEditors(page);
    page.form->setLayers(m_workspace.layers, m_language);
    if (const core::processing::Algorithm *a = algorithmOf(page.kind))
        page.form->setDefinitions(a->parameters());
    layout->addWidget(page.form);
    if (page.kind == core::ScenarioKind::Event && m_venue) {
        m_pickPlace = new QPushButton(tr("Pick the place on the map"), page.widget);
        m_pickPlace->setObjectName(QStringLiteral("pickEventPlace"));
        m_pickPlace->setCheckable(true);
        m_pickPlace->setToolTip(
            tr("Click the map where the event takes place (instead of a venue)."));
        connect(m_pickPlace, &QPushButton::toggled, this,
                [this](bool on) { startPick(on ? Pick::EventPlace : Pick::None); });
        page.form->addRowBelow(QStringLiteral("venue"), m_pickPlace);
    }
    if (auto *layer =
            qobject_cast<QComboBox *>(page.form->editor(QStringLiteral("actionAreaLayer"))))
        connect(layer, &QComboBox::currentIndexChanged, this,
                [this, layer] { fillAreas(layer->currentData().toString()); });
    if (page.kind == core::ScenarioKind::Forecast)
        addEvaluation(page);
    layout->addStretch(1);
}

/// The editors the declarations' types cannot give: the venue picker, the camera edits, the
/// list of areas.
void ScenarioPanel::addCustomEditors(Page &page)
{
    if (page.kind == core::ScenarioKind::Event)
        page.form->setCustomEditor(
            QStringLiteral("venue"),
            {[this](const core::processing::ParameterDefinition &, QWidget *parent) {
                 m_venue = new QComboBox(parent); // filled from the events layer
                 m_venue->setEditable(true);
                 m_venue->setInsertPolicy(QComboBox::NoInsert);
                 return m_venue;
             },
             [this]() -> QVariant {
                 if (!m_venue || m_venue->currentData().toString() == kPointVenue)
                     return {};
                 return m_venue->currentText().trimmed();
             }});
    if (page.kind == core::ScenarioKind::Cameras)
        page.form->setCustomEditor(
            QStringLiteral("edits"),
            {[this](const core::processing::ParameterDefinition &, QWidget *parent) {
                 m_edits = new CameraEditsEditor(parent);
                 connect(m_edits, &CameraEditsEditor::clickRequested, this,
                         [this](CameraEditsEditor::Click c) {
                             startPick(c == CameraEditsEditor::Click::Add      ? Pick::AddCamera
                                       : c == CameraEditsEditor::Click::Move   ? Pick::MoveCamera
                                       : c == CameraEditsEditor::Click::Remove ? Pick::RemoveCamera
                                                                               : Pick::None);
                         });
                 return m_edits;
             },
             [this]() -> QVariant { return m_edits ? m_edits->edits() : QString(); }, true});
    if (page.kind == core::ScenarioKind::Impact)
        page.form->setCustomEditor(
            QStringLiteral("actionAreas"),
            {[this](const core::processing::ParameterDefinition &, QWidget *parent) {
                 m_areas = new AreaListEditor(parent);
                 m_areas->list()->setObjectName(QStringLiteral("actionAreas"));
                 return m_areas;
             },
             [this]() -> QVariant {
                 return m_areas ? m_areas->ticked().join(QLatin1Char(',')) : QString();
             },
             true});
}

/// Below the forecast's form: the evaluation of the models on past periods.
void ScenarioPanel::addEvaluation(Page &page)
{
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
    static_cast<QVBoxLayout *>(page.widget->layout())->addLayout(row);
    connect(m_evaluate, &QPushButton::clicked, this, &ScenarioPanel::evaluateRequested);
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
    for (const core::LayerManifest &m : m_workspace.layers)
        if (m.id == QLatin1String("incidents"))
            incidents = &m;
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
        page.form->setLayers(m_workspace.layers, m_language);
        setDefaultDates(page, lastDay);
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
    }
    // The event types are the events layer's categories: named as its legend names them.
    if (auto *type = qobject_cast<QComboBox *>(
            parameterEditor(core::ScenarioKind::Event, QStringLiteral("type"))))
        for (const core::LayerManifest &m : m_workspace.layers)
            if (m.id == QLatin1String("events"))
                for (const core::CategoryDef &c : m.categories)
                    if (const int i = type->findData(c.value); i >= 0)
                        type->setItemText(i, c.label.text(m_language));
    const auto *layer = qobject_cast<QComboBox *>(
        parameterEditor(core::ScenarioKind::Impact, QStringLiteral("actionAreaLayer")));
    fillAreas(layer ? layer->currentData().toString() : QStringLiteral("quartiers"));
    updateHistoryLabel();
}

/// Dates inside the data: an event the first Saturday after it at 21:00 (a match evening), a
/// patrol shift the day after it, an action a year before its end.
void ScenarioPanel::setDefaultDates(Page &page, const QDate &lastDay)
{
    if (auto *start = qobject_cast<DateField *>(page.form->editor(QStringLiteral("start")));
        start && page.kind == core::ScenarioKind::Event) {
        QDate day = lastDay.addDays(1);
        while (day.dayOfWeek() != Qt::Saturday)
            day = day.addDays(1);
        start->setDateTime(QDateTime(day, QTime(21, 0), core::cityTimeZone()));
    }
    if (auto *date = qobject_cast<DateField *>(page.form->editor(QStringLiteral("date"))))
        date->setDate(lastDay.addDays(1));
    if (auto *date = qobject_cast<DateField *>(page.form->editor(QStringLiteral("actionDate"))))
        date->setDate(lastDay.addYears(-1));
}

void ScenarioPanel::fillAreas(const QString &layerId)
{
    if (!m_areas)
        return;
    const auto it = m_workspace.areaLayers.find(layerId);
    if (it == m_workspace.areaLayers.end() || !it->second) {
        m_areas->setNames({});
        return;
    }
    m_areas->setNames(QStringList(it->second->labels.begin(), it->second->labels.end()));
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
    if (!p)
        return nullptr;
    QWidget *w = p->form->editor(name);
    // The custom editors answer with the widget that holds the value.
    if (auto *areas = qobject_cast<AreaListEditor *>(w))
        return areas->list();
    if (auto *edits = qobject_cast<CameraEditsEditor *>(w))
        return edits->table();
    return w;
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
    const QVariantMap form = page.form->values();
    for (auto it = form.cbegin(); it != form.cend(); ++it) {
        const QVariant v = requestValue(it.value());
        if (v.typeId() == QMetaType::QString && v.toString().isEmpty())
            continue; // "every type", no edits, no area: left to the algorithm
        values.insert(it.key(), v);
    }
    // The event's place is a venue or a point clicked on the map, not both.
    if (page.kind == core::ScenarioKind::Event &&
        !(m_venue && m_venue->currentData().toString() == kPointVenue)) {
        values.remove(QStringLiteral("x"));
        values.remove(QStringLiteral("y"));
    }
    return values;
}

QVariantMap ScenarioPanel::evaluationParameters() const
{
    QVariantMap values;
    if (const Page *p = page(core::ScenarioKind::Forecast)) {
        const QVariantMap forecast = parameters(*p);
        const core::processing::Algorithm *evaluation =
            core::processing::AlgorithmRegistry::instance().find(
                QStringLiteral("forecast_evaluation"));
        // What the evaluation declares too (period, cells, history, the models' settings).
        if (evaluation)
            for (const core::processing::ParameterDefinition &d : evaluation->parameters())
                if (forecast.contains(d.name()))
                    values.insert(d.name(), forecast.value(d.name()));
    }
    if (m_evaluatePeriods)
        values.insert(QStringLiteral("periods"), m_evaluatePeriods->value());
    return values;
}

QString ScenarioPanel::cameraEdits() const
{
    return m_edits ? m_edits->edits() : QString();
}

int ScenarioPanel::cameraEditCount() const
{
    return m_edits ? m_edits->count() : 0;
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
    if (m_edits)
        m_edits->setClick(target == Pick::AddCamera      ? CameraEditsEditor::Click::Add
                          : target == Pick::MoveCamera   ? CameraEditsEditor::Click::Move
                          : target == Pick::RemoveCamera ? CameraEditsEditor::Click::Remove
                                                         : CameraEditsEditor::Click::None);
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
        for (auto [axis, v] : {std::pair{"x", p.x()}, {"y", p.y()}})
            if (auto *spin = qobject_cast<QDoubleSpinBox *>(
                    parameterEditor(core::ScenarioKind::Event, QLatin1String(axis))))
                spin->setValue(std::round(v));
        emit message(
            tr("Event place: %1, %2 (Lambert-93)")
                .arg(QLocale().toString(p.x(), 'f', 0), QLocale().toString(p.y(), 'f', 0)));
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
        if (m_edits)
            m_edits->addRow(QStringLiteral("add"), QString(), p.x(), p.y(), 0.0, fov, range);
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
        if (m_edits)
            m_edits->addRow(
                target == Pick::MoveCamera ? QStringLiteral("move") : QStringLiteral("remove"), id,
                cameras->x[std::size_t(best)], cameras->y[std::size_t(best)],
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
    m_kindHelp->setText(kindExplanation(currentKind()));
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
