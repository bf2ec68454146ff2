// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storehandle.h"

#include "core/layersnapshot.h"

#include <QAbstractTableModel>
#include <QCache>
#include <QFutureWatcher>
#include <QWidget>

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

class QCheckBox;
class QLabel;
class QTableView;
class QToolButton;

namespace vigie::gui {

/**
 * A layer's features as a table, over the store rather than a copy: the rows are indices into
 * the layer's snapshot (a million rows are four megabytes), filtered by the period and the
 * categories shown; the attributes of the rows on screen are read from the store when drawn
 * and kept in a small cache. Sorting by a column runs on a worker thread (the field read from
 * the store, then the indices sorted) and the model is reset when it is done, so the event
 * loop never waits for it.
 */
class AttributeTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    AttributeTableModel(std::shared_ptr<StoreHandle> store, core::LayerSnapshotPtr snapshot,
                        const QString &language, QObject *parent = nullptr);
    ~AttributeTableModel() override;

    const core::LayerSnapshot &snapshot() const { return *m_snapshot; }
    /// Keeps the features in [from, to] (kNoTime: open) whose category is shown; the current
    /// order is kept.
    void setFilter(std::int64_t from, std::int64_t to, const std::vector<bool> &categoryVisible);
    bool isSorting() const { return m_sorter.isRunning(); }

    std::int64_t fidAt(int row) const;
    /// The snapshot row of a table row.
    std::size_t snapshotRow(int row) const { return m_rows[std::size_t(row)]; }
    /// The table row of a feature, or -1 when it is filtered out.
    int rowOfFid(std::int64_t fid) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    void sort(int column, Qt::SortOrder order) override;

signals:
    void sortingChanged(bool busy);

private:
    struct Sorted
    {
        std::vector<std::uint32_t> order; ///< snapshot rows, sorted
        quint64 serial = 0;
        QString error;
    };
    void applyFilter(const std::vector<std::uint32_t> &order);
    void sortDone();
    QVariantList rowValues(std::int64_t fid) const;
    QString display(int field, const QVariant &value) const;

    std::shared_ptr<StoreHandle> m_store;
    core::LayerSnapshotPtr m_snapshot;
    QString m_language;
    std::vector<std::uint32_t> m_order; ///< every snapshot row in the current sort order
    std::vector<std::uint32_t> m_rows;  ///< the rows shown (m_order filtered)
    std::vector<int> m_rowOfSnapshot;   ///< table row per snapshot row, -1 when hidden
    std::int64_t m_from = core::LayerSnapshot::kNoTime;
    std::int64_t m_to = core::LayerSnapshot::kNoTime;
    std::vector<bool> m_categories;
    mutable QCache<std::int64_t, QVariantList> m_cache;
    QFutureWatcher<Sorted> m_sorter;
    quint64 m_sortSerial = 0;
    std::optional<std::pair<int, Qt::SortOrder>> m_pendingSort;
};

/**
 * The attribute table dock's content: the table, a count of the features and of the selected
 * ones, "only the period and categories shown", "zoom to selection" and "clear selection".
 * The selection is the map's: rows chosen here are marked on the map, a feature identified on
 * the map is chosen here.
 */
class AttributeTable : public QWidget
{
    Q_OBJECT

public:
    explicit AttributeTable(QWidget *parent = nullptr);

    /// Shows a layer (null: none).
    void setLayer(std::shared_ptr<StoreHandle> store, core::LayerSnapshotPtr snapshot,
                  const QString &language);
    QString layerId() const;
    AttributeTableModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    /// The map's filters (applied unless the user unticks "only what the map shows").
    void setFilter(std::int64_t from, std::int64_t to, const std::vector<bool> &categoryVisible);
    /// Selects the feature's row (scrolled into view); false when it is not in the table.
    bool selectFid(std::int64_t fid);
    std::vector<std::int64_t> selectedFids() const;

signals:
    void selectionChanged(const std::vector<std::int64_t> &fids);
    void zoomToSelectionRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateCount();
    void applyFilter();

    std::shared_ptr<StoreHandle> m_store;
    AttributeTableModel *m_model = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_count = nullptr;
    QCheckBox *m_onlyShown = nullptr;
    QToolButton *m_zoom = nullptr;
    QToolButton *m_clear = nullptr;
    std::int64_t m_from = core::LayerSnapshot::kNoTime;
    std::int64_t m_to = core::LayerSnapshot::kNoTime;
    std::vector<bool> m_categories;
};

} // namespace vigie::gui
