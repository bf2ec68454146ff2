// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportdialog.h"

#include "core/analytics/feedback.h"
#include "core/report/reportfigures.h"
#include "core/store/store.h"
#include "core/task/task.h"
#include "render/report/reportpdf.h"
#include "taskstatus.h"

#include <QBuffer>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>

// The live preview needs Qt PDF (Qt6::PdfWidgets linked to the GUI library); without it the
// dialog still exports, and says where the preview would be.
#if __has_include(<QPdfView>) && __has_include(<QPdfDocument>)
#define VIGIE_REPORT_PREVIEW 1
#include <QPdfDocument>
#include <QPdfPageNavigator>
#include <QPdfView>
#endif

namespace vigie::gui {

namespace {

const char *kOtherTemplate = "__file__";

} // namespace

ReportDialog::ReportDialog(const QString &storePath, const QString &language,
                           core::TaskManager *tasks, QWidget *parent)
    : QDialog(parent), m_storePath(storePath), m_language(language),
      m_tasks(tasks ? tasks : new core::TaskManager(this))
{
    setWindowTitle(tr("Export report"));
    setObjectName(QStringLiteral("reportDialog"));
    resize(1100, 720); // within 1280x800 with the window frame and a panel

    auto *body = new QHBoxLayout;
    body->addWidget(buildForm());
    body->addWidget(buildPreview(), 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(body, 1);
    layout->addLayout(buildButtons());

    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(600);
    connect(m_debounce, &QTimer::timeout, this, &ReportDialog::startPreview);
    connectChoices();
    templateChanged();
}

QWidget *ReportDialog::buildForm()
{
    auto *form = new QFormLayout;
    m_templates = new QComboBox;
    m_templates->setObjectName(QStringLiteral("reportTemplate"));
    for (const QString &id : core::ReportTemplate::builtInIds()) {
        auto t = core::ReportTemplate::load(id);
        m_templates->addItem(t ? t->title.text(m_language) : id, id);
    }
    m_templates->addItem(tr("Other template (JSON file)…"), QString::fromLatin1(kOtherTemplate));
    form->addRow(tr("Template"), m_templates);

    m_from = new QDateEdit;
    m_to = new QDateEdit;
    for (QDateEdit *edit : {m_from, m_to}) {
        edit->setDisplayFormat(QStringLiteral("MM/yyyy"));
        edit->setCalendarPopup(true);
    }
    auto *period = new QHBoxLayout;
    period->addWidget(m_from);
    period->addWidget(new QLabel(tr("to")));
    period->addWidget(m_to);
    form->addRow(tr("Period (months)"), period);

    m_areas = new QListWidget;
    m_areas->setObjectName(QStringLiteral("reportAreas"));
    m_areas->setMinimumHeight(180);
    auto *allNone = new QHBoxLayout;
    auto *all = new QPushButton(tr("All"));
    auto *none = new QPushButton(tr("None"));
    allNone->addWidget(all);
    allNone->addWidget(none);
    allNone->addStretch();
    auto *areaBox = new QVBoxLayout;
    areaBox->addWidget(m_areas);
    areaBox->addLayout(allNone);
    form->addRow(tr("Areas"), areaBox);

    m_reportLanguage = new QComboBox;
    m_reportLanguage->addItem(QStringLiteral("Français"), QStringLiteral("fr"));
    m_reportLanguage->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_reportLanguage->setCurrentIndex(m_language.startsWith(QLatin1String("en")) ? 1 : 0);
    form->addRow(tr("Language of the report"), m_reportLanguage);
    m_paper = new QComboBox;
    m_paper->addItem(QStringLiteral("A4"), QStringLiteral("a4"));
    m_paper->addItem(QStringLiteral("A3"), QStringLiteral("a3"));
    form->addRow(tr("Paper"), m_paper);
    m_orientation = new QComboBox;
    m_orientation->addItem(tr("Portrait"), QStringLiteral("portrait"));
    m_orientation->addItem(tr("Landscape"), QStringLiteral("landscape"));
    form->addRow(tr("Orientation"), m_orientation);
    m_minCount = new QSpinBox;
    m_minCount->setRange(1, 1000);
    m_minCount->setToolTip(tr("Counts from 1 to this value minus one are printed \"< N\" in every "
                              "table and chart (statistical confidentiality)."));
    form->addRow(tr("Small counts hidden below"), m_minCount);
    m_author = new QLineEdit;
    m_author->setPlaceholderText(tr("e.g. CLSPD secretariat"));
    // The author of the last report (a secretariat writes them all).
    m_author->setText(QSettings().value(QStringLiteral("report/author")).toString());
    form->addRow(tr("Author"), m_author);
    m_useBaseMap = new QCheckBox;
    form->addRow(tr("Base map"), m_useBaseMap);
    setBaseMap(std::nullopt);

    connect(all, &QPushButton::clicked, this, [this] {
        for (int i = 0; i < m_areas->count(); ++i)
            m_areas->item(i)->setCheckState(Qt::Checked);
    });
    connect(none, &QPushButton::clicked, this, [this] {
        for (int i = 0; i < m_areas->count(); ++i)
            m_areas->item(i)->setCheckState(Qt::Unchecked);
    });
    auto *left = new QWidget;
    left->setLayout(form);
    left->setMaximumWidth(420);

    return left;
}

QWidget *ReportDialog::buildPreview()
{
#ifdef VIGIE_REPORT_PREVIEW
    auto *document = new QPdfDocument(this);
    auto *view = new QPdfView;
    view->setDocument(document);
    view->setPageMode(QPdfView::PageMode::MultiPage);
    view->setZoomMode(QPdfView::ZoomMode::FitToWidth);
    m_document = document;
    m_preview = view;
#else
    auto *label = new QLabel(tr("Preview unavailable: this build has no Qt PDF module."));
    label->setAlignment(Qt::AlignCenter);
    m_preview = label;
#endif
    m_preview->setObjectName(QStringLiteral("reportPreview"));
    m_preview->setMinimumWidth(480);

    return m_preview;
}

QLayout *ReportDialog::buildButtons()
{
    m_status = new QLabel;
    m_status->setWordWrap(true);
    m_status->setObjectName(QStringLiteral("reportStatus"));
    m_progress = new QProgressBar;
    m_progress->setRange(0, 100);
    m_progress->setMaximumWidth(220);
    m_cancel = new QPushButton(tr("Cancel"));
    m_cancel->setEnabled(false);
    m_export = new QPushButton(tr("Export PDF…"));
    m_export->setObjectName(QStringLiteral("reportExport"));
    m_export->setDefault(true);
    auto *close = new QPushButton(tr("Close"));
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_status, 1);
    bottom->addWidget(m_progress);
    bottom->addWidget(m_cancel);
    bottom->addWidget(m_export);
    bottom->addWidget(close);

    connect(m_cancel, &QPushButton::clicked, this, &ReportDialog::cancelWork);
    connect(m_export, &QPushButton::clicked, this, &ReportDialog::exportReport);
    connect(close, &QPushButton::clicked, this, &QDialog::reject);

    return bottom;
}

void ReportDialog::connectChoices()
{
    connect(m_templates, &QComboBox::currentIndexChanged, this, &ReportDialog::templateChanged);
    for (QDateEdit *edit : {m_from, m_to})
        connect(edit, &QDateEdit::dateChanged, this, &ReportDialog::schedulePreview);
    connect(m_areas, &QListWidget::itemChanged, this, &ReportDialog::schedulePreview);
    for (QComboBox *box : {m_reportLanguage, m_paper, m_orientation})
        connect(box, &QComboBox::currentIndexChanged, this, &ReportDialog::schedulePreview);
    connect(m_minCount, &QSpinBox::valueChanged, this, &ReportDialog::schedulePreview);
    connect(m_author, &QLineEdit::editingFinished, this, &ReportDialog::schedulePreview);
    connect(m_useBaseMap, &QCheckBox::toggled, this, &ReportDialog::schedulePreview);
}

ReportDialog::~ReportDialog()
{
    // The work owns what it uses: it is asked to stop and ends on its own.
    if (m_task)
        m_task->cancel();
}

core::ReportRequest ReportDialog::request() const
{
    core::ReportRequest r;
    r.reportTemplate = m_template;
    r.period.first = QDate(m_from->date().year(), m_from->date().month(), 1);
    const QDate to(m_to->date().year(), m_to->date().month(), 1);
    r.period.last = to.addMonths(1).addDays(-1);
    r.period.wholeMonths = true;
    for (int i = 0; i < m_areas->count(); ++i)
        if (m_areas->item(i)->checkState() == Qt::Checked)
            r.areas << m_areas->item(i)->data(Qt::UserRole).toString();
    r.language = m_reportLanguage->currentData().toString();
    r.paper = m_paper->currentData().toString();
    r.orientation = m_orientation->currentData().toString();
    r.minCount = m_minCount->value();
    r.author = m_author->text().trimmed();
    if (m_baseMap && m_useBaseMap->isChecked())
        r.baseMap = m_baseMap;
    return r;
}

void ReportDialog::setBaseMap(const std::optional<core::BaseMapSource> &source)
{
    m_baseMap = source;
    const QSignalBlocker block(m_useBaseMap);
    m_useBaseMap->setEnabled(source.has_value());
    m_useBaseMap->setChecked(source.has_value());
    m_useBaseMap->setText(source ? tr("%1 under the maps").arg(source->title)
                                 : tr("None (choose one in View > Base map)"));
    if (m_debounce)
        schedulePreview();
}

void ReportDialog::templateChanged()
{
    QString id = m_templates->currentData().toString();
    if (id == QLatin1String(kOtherTemplate)) {
        id = QFileDialog::getOpenFileName(this, tr("Report template"), QDir::homePath(),
                                          tr("Report templates (*.json)"));
        if (id.isEmpty()) {
            m_templates->setCurrentIndex(0);
            return;
        }
    }
    auto loaded = core::ReportTemplate::load(id);
    if (!loaded) {
        m_error = loaded.error().message;
        m_status->setText(m_error);
        m_export->setEnabled(false);
        return;
    }
    m_template = *loaded;
    auto store = core::Store::open(m_storePath, /*readOnly=*/true);
    if (!store) {
        m_error = store.error().message;
        m_status->setText(m_error);
        m_export->setEnabled(false);
        return;
    }
    auto areas = core::listReportAreas(**store, m_template);
    if (!areas) {
        m_error = areas.error().message;
        m_status->setText(m_error);
        m_export->setEnabled(false);
        return;
    }
    m_error.clear();
    m_export->setEnabled(true);
    const QSignalBlocker block(m_areas);
    m_areas->clear();
    const bool all = m_template.defaultAreas.contains(QStringLiteral("all"), Qt::CaseInsensitive);
    for (const core::ReportArea &a : *areas) {
        auto *item = new QListWidgetItem(a.label, m_areas);
        item->setData(Qt::UserRole, a.key);
        item->setToolTip(a.key);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        const bool chosen = all || m_template.defaultAreas.contains(a.key, Qt::CaseInsensitive) ||
                            m_template.defaultAreas.contains(a.label, Qt::CaseInsensitive);
        item->setCheckState(chosen ? Qt::Checked : Qt::Unchecked);
    }
    {
        const QSignalBlocker b1(m_minCount), b2(m_paper), b3(m_orientation), b4(m_from), b5(m_to);
        m_minCount->setValue(m_template.minCount);
        m_paper->setCurrentIndex(m_paper->findData(m_template.paper));
        m_orientation->setCurrentIndex(m_orientation->findData(m_template.orientation));
        // Default period: the last whole month with data (the monthly CLSPD meeting).
        auto latest = core::latestReportDay(**store, m_template);
        QDate end = latest && latest->isValid() ? *latest : QDate::currentDate();
        if (end.addDays(1).day() != 1)
            end = QDate(end.year(), end.month(), 1).addDays(-1);
        if (!m_from->date().isValid() || m_from->date() == QDate(2000, 1, 1)) {
            m_to->setDate(end);
            m_from->setDate(QDate(end.year(), end.month(), 1));
        }
    }
    schedulePreview();
}

void ReportDialog::schedulePreview()
{
    m_debounce->start();
}

void ReportDialog::startPreview()
{
    start(true, {});
}

void ReportDialog::exportReport()
{
    const core::ReportRequest r = request();
    const QString suggested = QDir::home().filePath(
        QStringLiteral("%1_%2.pdf")
            .arg(m_template.id,
                 r.period.text().replace(QStringLiteral(".."), QStringLiteral("_"))));
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export report"), suggested, tr("PDF (*.pdf)"));
    if (path.isEmpty())
        return;
    QSettings().setValue(QStringLiteral("report/author"), r.author);
    m_debounce->stop();
    start(false, path);
}

void ReportDialog::cancelWork()
{
    m_previewPending = false;
    if (m_task)
        m_task->cancel(); // returns at once; workFinished() follows when the work has stopped
}

void ReportDialog::setBusy(bool busy, const QString &what)
{
    m_running = busy;
    m_cancel->setEnabled(busy);
    m_export->setEnabled(!busy && m_error.isEmpty());
    m_progress->setValue(busy ? 0 : m_progress->value());
    m_status->setText(what);
}

void ReportDialog::start(bool preview, const QString &path)
{
    if (!m_error.isEmpty())
        return;
    if (m_running) {
        // One job at a time: a newer preview replaces the running one when it ends.
        if (preview && m_runningPreview) {
            m_previewPending = true;
            if (m_task)
                m_task->cancel();
        }
        return;
    }
    const core::ReportRequest r = request();
    if (r.areas.isEmpty()) {
        m_status->setText(tr("Choose at least one area."));
        return;
    }
    if (r.period.last < r.period.first) {
        m_status->setText(tr("The period ends before it starts."));
        return;
    }
    m_runningPreview = preview;
    m_previewPending = false;
    setBusy(true, preview ? tr("Building the preview…") : tr("Writing %1…").arg(path));
    const QString storePath = m_storePath;
    auto outcome = std::make_shared<Outcome>();
    m_task = m_tasks->start(
        preview ? tr("Report preview") : tr("Report: %1").arg(QFileInfo(path).fileName()),
        [storePath, r, outcome, preview, path](analytics::Feedback &feedback) {
            // Its own read-only connection: a Store is used by one thread at a time.
            auto store = core::Store::open(storePath, /*readOnly=*/true).valueOrThrow();
            QBuffer buffer(&outcome->pdf);
            if (preview)
                buffer.open(QIODevice::WriteOnly);
            const render::ReportOutcome result =
                (preview ? render::exportReport(*store, r, &buffer, &feedback)
                         : render::exportReport(*store, r, path, &feedback))
                    .valueOrThrow();
            outcome->pages = result.pages;
            outcome->message = result.notes.join(QLatin1Char(' '));
        });
    showProgress(m_task, m_progress, m_status);
    connect(m_task, &core::Task::finished, this,
            [this, task = m_task.data(), outcome] { workFinished(*task, *outcome); });
}

void ReportDialog::workFinished(const core::Task &task, const Outcome &o)
{
    const bool wasPreview = m_runningPreview;
    setBusy(false, QString());
    if (task.status() == core::Task::Status::Canceled) {
        m_status->setText(tr("Canceled."));
    } else if (task.status() == core::Task::Status::Failed) {
        m_status->setText(task.errorMessage());
        if (!wasPreview)
            QMessageBox::warning(this, tr("Export report"), task.errorMessage());
    } else if (wasPreview) {
        m_progress->setValue(100);
        m_status->setText(tr("Preview: %n page(s).", nullptr, o.pages) +
                          (o.message.isEmpty() ? QString() : QLatin1Char(' ') + o.message));
#ifdef VIGIE_REPORT_PREVIEW
        auto *document = static_cast<QPdfDocument *>(m_document);
        document->close();
        m_previewBytes = o.pdf;
        m_previewBuffer = std::make_unique<QBuffer>(&m_previewBytes);
        m_previewBuffer->open(QIODevice::ReadOnly);
        document->load(m_previewBuffer.get());
#endif
    } else {
        m_progress->setValue(100);
        m_status->setText(tr("Report written (%n page(s)).", nullptr, o.pages));
    }
    if (m_previewPending)
        startPreview();
}

} // namespace vigie::gui
