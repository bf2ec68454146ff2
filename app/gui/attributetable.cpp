// SPDX-License-Identifier: GPL-3.0-or-later
#include "attributetable.h"

#include "core/calendar.h"
#include "core/cityzone.h"

#include <QCheckBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <numeric>

namespace vigie::gui {

namespace {

QString uiLanguage()
{
    return QLocale().language() == QLocale::French ? QStringLiteral("fr") : QStringLiteral("en");
}

/// Snapshot rows sorted by one column (0: the feature id; then the manifest's fields).
std::vector<std::uint32_t> sortedRows(const core::LayerSnapshot &s, StoreHandle &store, int column,
                                      Qt::SortOrder order)
{
    std::vector<std::uint32_t> rows(s.size());
    std::iota(rows.begin(), rows.end(), 0u);
    auto sortBy = [&](auto key) {
        if (order == Qt::AscendingOrder)
            std::stable_sort(rows.begin(), rows.end(),
                             [&](std::uint32_t a, std::uint32_t b) { return key(a) < key(b); });
        else
            std::stable_sort(rows.begin(), rows.end(),
                             [&](std::uint32_t a, std::uint32_t b) { return key(b) < key(a); });
    };
    if (column <= 0) {
        sortBy([&](std::uint32_t r) { return s.fids[r]; });
        return rows;
    }
    const core::FieldDef &f = s.manifest.fields[std::size_t(column - 1)];
    if (f.name == s.manifest.timeField && s.time.size() == s.size()) {
        sortBy([&](std::uint32_t r) { return s.time[r]; });
    } else if (f.name == s.manifest.categoryField && s.category.size() == s.size()) {
        sortBy([&](std::uint32_t r) { return s.category[r]; });
    } else if (f.type == core::FieldType::Integer || f.type == core::FieldType::Real) {
        std::unordered_map<std::int64_t, double> byFid;
        {
            const std::lock_guard<std::mutex> lock(store.mutex);
            byFid = store.store->numbersByFid(s.manifest.id, f.name);
        }
        std::vector<double> values(s.size());
        for (std::size_t r = 0; r < s.size(); ++r) {
            const auto it = byFid.find(s.fids[r]);
            values[r] = it == byFid.end() ? 0.0 : it->second;
        }
        sortBy([&](std::uint32_t r) { return values[r]; });
    } else {
        std::unordered_map<std::int64_t, QString> byFid;
        {
            const std::lock_guard<std::mutex> lock(store.mutex);
            byFid = store.store->textsByFid(s.manifest.id, f.name);
        }
        std::vector<QString> keys(s.size());
        for (std::size_t r = 0; r < s.size(); ++r) {
            const auto it = byFid.find(s.fids[r]);
            if (it != byFid.end())
                keys[r] = it->second.toCaseFolded();
        }
        sortBy([&](std::uint32_t r) -> const QString & { return keys[r]; });
    }
    return rows;
}

} // namespace

AttributeTableModel::AttributeTableModel(std::shared_ptr<StoreHandle> store,
                                         core::LayerSnapshotPtr snapshot, const QString &language,
                                         QObject *parent)
    : QAbstractTableModel(parent), m_store(std::move(store)), m_snapshot(std::move(snapshot)),
      m_language(language), m_cache(4000)
{
    m_order.resize(m_snapshot->size());
    std::iota(m_order.begin(), m_order.end(), 0u);
    applyFilter(m_order);
    connect(&m_sorter, &QFutureWatcher<Sorted>::finished, this, &AttributeTableModel::sortDone);
}

AttributeTableModel::~AttributeTableModel()
{
    m_sorter.waitForFinished();
}

void AttributeTableModel::setFilter(std::int64_t from, std::int64_t to,
                                    const std::vector<bool> &categoryVisible)
{
    m_from = from;
    m_to = to;
    m_categories = categoryVisible;
    beginResetModel();
    applyFilter(m_order);
    endResetModel();
}

void AttributeTableModel::applyFilter(const std::vector<std::uint32_t> &order)
{
    const core::LayerSnapshot &s = *m_snapshot;
    const bool timed = s.time.size() == s.size();
    const bool periods = s.endTime.size() == s.size();
    const bool byCategory = !m_categories.empty() && s.category.size() == s.size();
    m_rows.clear();
    m_rows.reserve(order.size());
    m_rowOfSnapshot.assign(s.size(), -1);
    for (const std::uint32_t r : order) {
        if (timed && s.time[r] != core::LayerSnapshot::kNoTime) {
            const std::int64_t start = s.time[r];
            const std::int64_t end =
                periods && s.endTime[r] != core::LayerSnapshot::kNoTime ? s.endTime[r] : start;
            if ((m_from != core::LayerSnapshot::kNoTime && end < m_from) ||
                (m_to != core::LayerSnapshot::kNoTime && start > m_to))
                continue;
        }
        if (byCategory) {
            const int c = s.category[r];
            if (c >= 0 && std::size_t(c) < m_categories.size() && !m_categories[std::size_t(c)])
                continue;
        }
        m_rowOfSnapshot[r] = int(m_rows.size());
        m_rows.push_back(r);
    }
}

std::int64_t AttributeTableModel::fidAt(int row) const
{
    return row >= 0 && std::size_t(row) < m_rows.size() ? m_snapshot->fids[m_rows[std::size_t(row)]]
                                                        : -1;
}

int AttributeTableModel::rowOfFid(std::int64_t fid) const
{
    const auto &fids = m_snapshot->fids;
    const auto it = std::find(fids.begin(), fids.end(), fid);
    return it == fids.end() ? -1 : m_rowOfSnapshot[std::size_t(it - fids.begin())];
}

int AttributeTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AttributeTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : 1 + int(m_snapshot->manifest.fields.size());
}

QVariantList AttributeTableModel::rowValues(std::int64_t fid) const
{
    if (const QVariantList *cached = m_cache.object(fid))
        return *cached;
    std::unique_lock<std::mutex> lock(m_store->mutex, std::try_to_lock);
    if (!lock.owns_lock() || !m_store->store)
        return {};
    const auto attributes = m_store->store->attributes(m_snapshot->manifest.id, fid);
    lock.unlock();
    if (!attributes.ok())
        return {};
    QVariantList values;
    for (const core::FieldDef &f : m_snapshot->manifest.fields)
        values << attributes.value().value(f.name);
    m_cache.insert(fid, new QVariantList(values));
    return values;
}

QString AttributeTableModel::display(int field, const QVariant &value) const
{
    if (value.isNull() || !value.isValid())
        return {};
    const core::LayerManifest &m = m_snapshot->manifest;
    const core::FieldDef &f = m.fields[std::size_t(field)];
    if (f.name == m.categoryField) {
        const int c = m.categoryIndex(value.toString());
        if (c >= 0)
            return m.categories[std::size_t(c)].label.text(m_language);
    }
    switch (f.type) {
    case core::FieldType::DateTime: {
        const std::int64_t t = core::parseIsoUtc(core::toIsoUtc(value));
        if (t == core::LayerSnapshot::kNoTime)
            return value.toString();
        return QDateTime::fromSecsSinceEpoch(t, core::cityTimeZone())
            .toString(core::dateTimeFormat(uiLanguage()));
    }
    case core::FieldType::Real:
        return QLocale().toString(value.toDouble(), 'g', 10);
    case core::FieldType::Integer:
        return QLocale().toString(value.toLongLong());
    case core::FieldType::Boolean:
        return value.toBool() ? tr("yes") : tr("no");
    case core::FieldType::String:
        break;
    }
    return value.toString();
}

QVariant AttributeTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || std::size_t(index.row()) >= m_rows.size())
        return {};
    const std::int64_t fid = fidAt(index.row());
    if (role == Qt::TextAlignmentRole) {
        const bool number = index.column() == 0 ||
                            m_snapshot->manifest.fields[std::size_t(index.column() - 1)].type ==
                                core::FieldType::Integer ||
                            m_snapshot->manifest.fields[std::size_t(index.column() - 1)].type ==
                                core::FieldType::Real;
        return QVariant::fromValue(Qt::Alignment(number ? Qt::AlignRight | Qt::AlignVCenter
                                                        : Qt::AlignLeft | Qt::AlignVCenter));
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    if (index.column() == 0)
        return QString::number(fid);
    const QVariantList values = rowValues(fid);
    if (values.isEmpty())
        return QStringLiteral("…"); // the workspace is busy: drawn again when scrolled
    return display(index.column() - 1, values.value(index.column() - 1));
}

QVariant AttributeTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (section == 0)
        return tr("Id");
    const core::FieldDef &f = m_snapshot->manifest.fields[std::size_t(section - 1)];
    const QString label = f.label.text(m_language);
    return label.isEmpty() ? f.name : label;
}

void AttributeTableModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= columnCount())
        return;
    const quint64 serial = ++m_sortSerial;
    if (m_sorter.isRunning()) {
        // The newest click wins: it starts when the running sort returns (never waited for).
        m_pendingSort = {column, order};
        return;
    }
    emit sortingChanged(true);
    const core::LayerSnapshotPtr snapshot = m_snapshot;
    const std::shared_ptr<StoreHandle> store = m_store;
    m_sorter.setFuture(QtConcurrent::run([snapshot, store, column, order, serial] {
        Sorted out;
        out.serial = serial;
        try {
            out.order = sortedRows(*snapshot, *store, column, order);
        } catch (const core::Exception &e) {
            out.error = e.error().message;
        }
        return out;
    }));
}

void AttributeTableModel::sortDone()
{
    Sorted sorted = m_sorter.result();
    if (sorted.serial == m_sortSerial && sorted.error.isEmpty() &&
        sorted.order.size() == m_snapshot->size()) {
        emit layoutAboutToBeChanged();
        m_order = std::move(sorted.order);
        applyFilter(m_order);
        emit layoutChanged();
    }
    if (m_pendingSort) {
        const auto [column, order] = *m_pendingSort;
        m_pendingSort.reset();
        sort(column, order);
        return;
    }
    emit sortingChanged(false);
}

AttributeTable::AttributeTable(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto *bar = new QHBoxLayout;
    m_count = new QLabel(this);
    m_onlyShown = new QCheckBox(this);
    m_onlyShown->setChecked(true);
    m_zoom = new QToolButton(this);
    m_clear = new QToolButton(this);
    bar->addWidget(m_count, 1);
    bar->addWidget(m_onlyShown);
    bar->addWidget(m_zoom);
    bar->addWidget(m_clear);
    layout->addLayout(bar);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("attributeView"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSortingEnabled(true);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    layout->addWidget(m_view, 1);
    connect(m_onlyShown, &QCheckBox::toggled, this, &AttributeTable::applyFilter);
    connect(m_zoom, &QToolButton::clicked, this, &AttributeTable::zoomToSelectionRequested);
    connect(m_clear, &QToolButton::clicked, this, [this] { m_view->clearSelection(); });
    retranslateUi();
}

void AttributeTable::retranslateUi()
{
    m_onlyShown->setText(tr("Only what the map shows"));
    m_onlyShown->setToolTip(tr("Only the features of the period and categories shown on the map"));
    m_zoom->setText(tr("Zoom to selection"));
    m_clear->setText(tr("Clear selection"));
    updateCount();
}

void AttributeTable::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void AttributeTable::setLayer(std::shared_ptr<StoreHandle> store, core::LayerSnapshotPtr snapshot,
                              const QString &language)
{
    m_store = std::move(store);
    AttributeTableModel *old = m_model;
    m_model =
        snapshot && m_store ? new AttributeTableModel(m_store, snapshot, language, this) : nullptr;
    m_view->setModel(m_model);
    delete old;
    if (m_model) {
        applyFilter();
        connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
            updateCount();
            emit selectionChanged(selectedFids());
        });
        connect(m_model, &AttributeTableModel::sortingChanged, this, [this](bool busy) {
            m_view->setEnabled(!busy);
            updateCount();
        });
        connect(m_model, &QAbstractItemModel::modelReset, this, &AttributeTable::updateCount);
        // Wide enough for the header, and for a category or a date in the text columns.
        const QFontMetrics fm = m_view->fontMetrics();
        for (int c = 0; c < m_model->columnCount(); ++c) {
            const QString header =
                m_model->headerData(c, Qt::Horizontal, Qt::DisplayRole).toString();
            const int text = c == 0 ? 0 : fm.horizontalAdvance(QLatin1Char('x')) * 22;
            m_view->setColumnWidth(
                c, std::min(280, std::max(fm.horizontalAdvance(header) + 40, text)));
        }
    }
    updateCount();
}

QString AttributeTable::layerId() const
{
    return m_model ? m_model->snapshot().manifest.id : QString();
}

void AttributeTable::setFilter(std::int64_t from, std::int64_t to,
                               const std::vector<bool> &categoryVisible)
{
    if (from == m_from && to == m_to && categoryVisible == m_categories)
        return;
    m_from = from;
    m_to = to;
    m_categories = categoryVisible;
    applyFilter();
}

void AttributeTable::applyFilter()
{
    if (!m_model)
        return;
    const std::vector<std::int64_t> kept = selectedFids();
    if (m_onlyShown->isChecked())
        m_model->setFilter(m_from, m_to, m_categories);
    else
        m_model->setFilter(core::LayerSnapshot::kNoTime, core::LayerSnapshot::kNoTime, {});
    for (const std::int64_t fid : kept) {
        const int row = m_model->rowOfFid(fid);
        if (row >= 0)
            m_view->selectionModel()->select(m_model->index(row, 0), QItemSelectionModel::Select |
                                                                         QItemSelectionModel::Rows);
    }
    updateCount();
}

bool AttributeTable::selectFid(std::int64_t fid)
{
    if (!m_model)
        return false;
    const int row = m_model->rowOfFid(fid);
    if (row < 0)
        return false;
    const QModelIndex index = m_model->index(row, 0);
    m_view->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect |
                                                QItemSelectionModel::Rows);
    m_view->scrollTo(index, QAbstractItemView::PositionAtCenter);
    return true;
}

std::vector<std::int64_t> AttributeTable::selectedFids() const
{
    std::vector<std::int64_t> fids;
    if (!m_model || !m_view->selectionModel())
        return fids;
    for (const QItemSelectionRange &range : m_view->selectionModel()->selection())
        for (int row = range.top(); row <= range.bottom(); ++row)
            fids.push_back(m_model->fidAt(row));
    return fids;
}

void AttributeTable::updateCount()
{
    if (!m_model) {
        m_count->setText(tr("No layer"));
        return;
    }
    const int shown = m_model->rowCount();
    const qsizetype selected = m_view->selectionModel() ? qsizetype(selectedFids().size()) : 0;
    QString text = tr("%n feature(s)", nullptr, shown);
    if (selected > 0)
        text += QStringLiteral(" · ") + tr("%n selected", nullptr, int(selected));
    if (m_model->isSorting())
        text += QStringLiteral(" · ") + tr("sorting…");
    m_count->setText(text);
}

} // namespace vigie::gui
