// SPDX-License-Identifier: GPL-3.0-or-later
#include "syncpanel.h"

#include "datefield.h"

#include "core/argtext.h"
#include "core/i18n.h"
#include "core/task/task.h"
#include "taskstatus.h"

#include "analytics/feedback.h"
#include "core/layerregistry.h"
#include "core/store/store.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QTableWidget>
#include <QTimeZone>
#include <QVBoxLayout>

namespace vigie::gui {

SyncPanel::SyncPanel(core::TaskManager *tasks, QWidget *parent)
    : QWidget(parent), m_tasks(tasks ? tasks : new core::TaskManager(this))
{
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_url = new QLineEdit(QSettings().value(QStringLiteral("sync/hubUrl")).toString(), this);
    m_url->setPlaceholderText(QStringLiteral("http://127.0.0.1:8090/wfs3"));
    m_url->setObjectName(QStringLiteral("hubUrl"));
    form->addRow(tr("Hub URL"), m_url);

    m_layers = new QListWidget(this);
    m_layers->setMaximumHeight(120);
    m_layers->setObjectName(QStringLiteral("layers"));
    for (const core::LayerManifest &m : core::LayerRegistry::instance().manifests()) {
        auto *item = new QListWidgetItem(m.title.text(QLocale().name()), m_layers);
        item->setData(Qt::UserRole, m.id);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Checked);
    }
    form->addRow(tr("Layers"), m_layers);

    auto *bboxRow = new QHBoxLayout;
    m_useBbox = new QCheckBox(this);
    m_bbox = new QLineEdit(this);
    m_bbox->setPlaceholderText(tr("xmin,ymin,xmax,ymax (Lambert-93 metres)"));
    m_bbox->setEnabled(false);
    connect(m_useBbox, &QCheckBox::toggled, m_bbox, &QWidget::setEnabled);
    bboxRow->addWidget(m_useBbox);
    bboxRow->addWidget(m_bbox);
    form->addRow(tr("Area (first pull)"), bboxRow);

    auto *sinceRow = new QHBoxLayout;
    m_useSince = new QCheckBox(this);
    m_since = new DateField(DateField::Mode::Date, this);
    m_since->setDate(QDate::currentDate().addYears(-1));
    m_since->setEnabled(false);
    connect(m_useSince, &QCheckBox::toggled, m_since, &QWidget::setEnabled);
    sinceRow->addWidget(m_useSince);
    sinceRow->addWidget(m_since, 1);
    form->addRow(tr("Since (first pull)"), sinceRow);

    m_auth = new QComboBox(this);
    m_auth->addItem(tr("No authentication"));
    m_auth->addItem(tr("User and password (HTTP basic)"));
    m_auth->addItem(tr("Bearer token"));
    form->addRow(tr("Authentication"), m_auth);
    m_user = new QLineEdit(this);
    form->addRow(tr("User"), m_user);
    m_secret = new QLineEdit(this);
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setToolTip(tr("Kept in memory for this session only; never saved."));
    form->addRow(tr("Password or token"), m_secret);
    auto authChanged = [this](int index) {
        m_user->setEnabled(index == 1);
        m_secret->setEnabled(index != 0);
    };
    connect(m_auth, &QComboBox::currentIndexChanged, this, authChanged);
    authChanged(0);
    m_reset = new QCheckBox(tr("Pull everything again (forget the high-water marks)"), this);
    form->addRow(QString(), m_reset);
    layout->addLayout(form);

    auto *buttons = new QHBoxLayout;
    m_start = new QPushButton(tr("Start"), this);
    m_start->setObjectName(QStringLiteral("start"));
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setEnabled(false);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 100);
    buttons->addWidget(m_start);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_progress, 1);
    layout->addLayout(buttons);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);

    auto *stateBox = new QGroupBox(tr("Last sync per layer"), this);
    auto *stateLayout = new QVBoxLayout(stateBox);
    m_state = new QTableWidget(0, 5, stateBox);
    m_state->setHorizontalHeaderLabels(
        {tr("Layer"), tr("Status"), tr("Last sync"), tr("Changes up to"), tr("Features")});
    m_state->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_state->verticalHeader()->hide();
    m_state->setEditTriggers(QAbstractItemView::NoEditTriggers);
    stateLayout->addWidget(m_state);
    layout->addWidget(stateBox, 1);

    auto *changesBox = new QGroupBox(tr("What changed"), this);
    auto *changesLayout = new QVBoxLayout(changesBox);
    m_changes = new QPlainTextEdit(changesBox);
    m_changes->setReadOnly(true);
    changesLayout->addWidget(m_changes);
    layout->addWidget(changesBox, 1);

    connect(m_start, &QPushButton::clicked, this, &SyncPanel::start);
    connect(m_cancel, &QPushButton::clicked, this, &SyncPanel::cancel);
    setStorePath(QString());
}

SyncPanel::~SyncPanel()
{
    // The sync owns what it uses: it is asked to stop and ends on its own (after the current
    // page, which commits or rolls back whole).
    if (m_task)
        m_task->cancel();
}

void SyncPanel::setStorePath(const QString &path)
{
    m_storePath = path;
    m_start->setEnabled(!path.isEmpty() && !isRunning());
    refresh();
}

bool SyncPanel::isRunning() const
{
    return m_task && m_task->isActive();
}

void SyncPanel::refresh()
{
    m_state->setRowCount(0);
    if (m_storePath.isEmpty() || !QFileInfo::exists(m_storePath))
        return;
    auto store = core::Store::open(m_storePath, true);
    if (!store)
        return;
    const auto states = core::sync::syncStates(**store);
    m_state->setRowCount(int(states.size()));
    const QString language = core::preferredLanguage();
    const QLocale locale;
    // Times as the user reads them: local, in the locale's short format.
    const auto localTime = [&locale](const QString &iso) {
        const QDateTime t = QDateTime::fromString(iso, Qt::ISODate);
        return t.isValid() ? locale.toString(t.toLocalTime(), QLocale::ShortFormat) : iso;
    };
    const auto statusText = [](const QString &status) {
        if (status == QLatin1String("ok"))
            return tr("done");
        if (status == QLatin1String("canceled"))
            return tr("canceled");
        if (status == QLatin1String("failed"))
            return tr("failed");
        return status;
    };
    for (int r = 0; r < int(states.size()); ++r) {
        const auto &s = states[std::size_t(r)];
        const auto manifest = (*store)->layer(s.layer);
        const QStringList cells{manifest ? manifest->title.text(language) : s.layer,
                                statusText(s.lastStatus), localTime(s.lastSyncAt),
                                localTime(s.highWater), locale.toString(s.features)};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells[c]);
            item->setToolTip(s.hub);
            m_state->setItem(r, c, item);
        }
    }
}

void SyncPanel::setRunning(bool running)
{
    m_start->setEnabled(!running && !m_storePath.isEmpty());
    m_cancel->setEnabled(running);
    for (QWidget *w : std::initializer_list<QWidget *>{m_url, m_layers, m_useBbox, m_bbox,
                                                       m_useSince, m_since, m_auth, m_reset})
        w->setEnabled(!running);
    if (!running) {
        m_bbox->setEnabled(m_useBbox->isChecked());
        m_since->setEnabled(m_useSince->isChecked());
    }
}

void SyncPanel::start()
{
    if (isRunning() || m_storePath.isEmpty())
        return;
    core::sync::SyncOptions options;
    options.hubUrl = QUrl(m_url->text().trimmed());
    if (!options.hubUrl.isValid() || options.hubUrl.host().isEmpty()) {
        m_status->setText(tr("Enter the URL of the hub, e.g. http://127.0.0.1:8090/wfs3."));
        return;
    }
    if (!options.hubUrl.userInfo().isEmpty()) {
        m_status->setText(tr("The URL must not contain credentials; use the fields below."));
        return;
    }
    for (int i = 0; i < m_layers->count(); ++i)
        if (m_layers->item(i)->checkState() == Qt::Checked)
            options.layers << m_layers->item(i)->data(Qt::UserRole).toString();
    if (options.layers.isEmpty()) {
        m_status->setText(tr("Choose at least one layer."));
        return;
    }
    if (m_useBbox->isChecked()) {
        const QStringList p = m_bbox->text().split(QLatin1Char(','));
        bool ok = p.size() == 4;
        double v[4] = {0, 0, 0, 0};
        for (int i = 0; ok && i < 4; ++i)
            v[i] = p[i].trimmed().toDouble(&ok);
        if (!ok || v[0] >= v[2] || v[1] >= v[3]) {
            m_status->setText(tr("The area must be xmin,ymin,xmax,ymax in Lambert-93 metres."));
            return;
        }
        options.bbox = QRectF(QPointF(v[0], v[1]), QPointF(v[2], v[3]));
    }
    if (m_useSince->isChecked())
        options.since = m_since->dateTime();
    if (m_auth->currentIndex() == 1) {
        options.credentials.user = m_user->text();
        options.credentials.password = m_secret->text();
    } else if (m_auth->currentIndex() == 2) {
        options.credentials.bearerToken = m_secret->text().trimmed();
    }
    options.reset = m_reset->isChecked();
    QSettings().setValue(QStringLiteral("sync/hubUrl"), options.hubUrl.toString());

    m_progress->setValue(0);
    m_status->setText(
        tr("Synchronising with %1…").arg(core::sync::HubClient::displayUrl(options.hubUrl)));
    setRunning(true);
    const QString path = m_storePath;
    auto report = std::make_shared<core::sync::SyncReport>();
    m_task = m_tasks->start(
        tr("Sync with %1").arg(core::sync::HubClient::displayUrl(options.hubUrl)),
        [path, options, report](analytics::Feedback &feedback) {
            auto store =
                (QFileInfo::exists(path) ? core::Store::open(path) : core::Store::create(path))
                    .valueOrThrow();
            *report = core::sync::syncFromHub(*store, options, &feedback).valueOrThrow();
        });
    showProgress(m_task, m_progress, m_status);
    connect(m_task, &core::Task::finished, this,
            [this, task = m_task.data(), report] { finished(*task, *report); });
}

void SyncPanel::cancel()
{
    if (m_task)
        m_task->cancel(); // returns at once
    m_status->setText(tr("Canceling after the current page…"));
}

void SyncPanel::finished(const core::Task &task, const core::sync::SyncReport &report)
{
    setRunning(false);
    const bool ok = task.status() == core::Task::Status::Finished;
    QStringList lines;
    for (const auto &l : report.layers)
        lines << tr("%1: %2 new, %3 changed, %4 deleted (%5 pull, %6 pages, %7 s)")
                     .arg(l.layer, argText(l.inserted), argText(l.updated), argText(l.deleted),
                          argText(l.firstPull ? tr("first") : tr("incremental")),
                          argText(l.batches), argText(l.seconds, 0, 'f', 1));
    if (ok) {
        m_progress->setValue(100);
        m_status->setText(tr("Synchronised with %1.").arg(report.hub));
    } else {
        m_status->setText(task.status() == core::Task::Status::Canceled
                              ? tr("Canceled. The next sync resumes where this one stopped.")
                              : task.errorMessage());
        // The log of the failed run (counts committed before the failure).
        if (auto store = core::Store::open(m_storePath, true)) {
            const auto log = core::sync::syncLog(**store, 1);
            if (!log.empty())
                lines << tr("%1: %2 new, %3 changed, %4 deleted before it stopped")
                             .arg(log.front().layer, argText(log.front().inserted),
                                  argText(log.front().updated), argText(log.front().deleted));
        }
    }
    m_changes->setPlainText(lines.join(QLatin1Char('\n')));
    refresh();
    emit syncFinished(ok);
}

} // namespace vigie::gui
