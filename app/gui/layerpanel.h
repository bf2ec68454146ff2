// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/layermanifest.h"
#include "core/layersnapshot.h"
#include "render/mapsettings.h"

#include <QWidget>

#include <vector>

class QLabel;
class QSlider;
class QToolButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace vigie::gui {

/// One layer as the user set it in the panel.
struct LayerState
{
    core::LayerManifest manifest;
    core::LayerSnapshotPtr data; ///< null until loaded
    qint64 featureCount = -1;
    bool visible = true;
    double opacity = 1.0;
    std::vector<bool> categoryVisible;
    std::vector<qint64> categoryCounts; ///< features per category, from the loaded data
    QString userTitle;                  ///< the user's name for the layer (empty: the manifest's)
    bool isResult = false;              ///< made by an analysis or scenario of the workspace

    /// The name shown: the user's, or the manifest's in `language`.
    QString title(const QString &language) const;
};

/**
 * The layer list: one row per layer of the workspace (topmost first), its visibility, its
 * categories with their colours (the legend), the drawing order and the opacity of the selected
 * layer. Every change emits changed(); the window turns it into map settings.
 */
class LayerPanel : public QWidget
{
    Q_OBJECT

public:
    explicit LayerPanel(QWidget *parent = nullptr);

    /// Replaces the list; sorted by symbology zOrder, highest on top.
    void setLayers(std::vector<LayerState> layers);
    void setSnapshot(const QString &layerId, core::LayerSnapshotPtr data);
    void setLanguage(const QString &language);
    void clear();

    const std::vector<LayerState> &layers() const { return m_layers; }
    /// Layers to draw, bottom first (only loaded ones).
    std::vector<render::MapLayer> mapLayers() const;
    /// Titles as displayed, top first.
    QStringList titles() const;

    void setLayerVisible(const QString &layerId, bool visible);
    void setCategoryVisible(const QString &layerId, int category, bool visible);
    void setLayerOpacity(const QString &layerId, double opacity);
    void moveLayer(const QString &layerId, int delta);
    /// Moves a layer just above (or below) another one of the same group, as a drag and drop
    /// in the list does. Results stay in the "Analysis results" group, data outside it.
    bool moveLayerTo(const QString &layerId, const QString &targetId, bool above);
    /// Applies a saved order (topmost first): listed layers in that order, the others (new
    /// since) on top in their default order.
    void applyOrder(const QStringList &ids);
    void renameLayer(const QString &layerId, const QString &title);
    void removeLayers(const QStringList &layerIds);
    /// The top-level item of the "Analysis results" group, null when there are no results.
    QTreeWidgetItem *resultsGroupItem() const { return m_resultsGroup; }
    /// The tree item of a layer, null if unknown.
    QTreeWidgetItem *itemOf(const QString &layerId) const;
    QString currentLayerId() const;
    void setCurrentLayer(const QString &layerId);

    QTreeWidget *tree() const { return m_tree; }

signals:
    void changed();
    void zoomToLayerRequested(const QString &layerId);
    void attributeTableRequested(const QString &layerId);
    void exportRequested(const QString &layerId);
    void renameRequested(const QString &layerId);
    void removeRequested(const QString &layerId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild();
    void retranslateUi();
    void updateItemTexts();
    void itemChanged(QTreeWidgetItem *item, int column);
    void currentChanged();
    void contextMenu(const QPoint &pos);
    int indexOf(const QString &layerId) const;
    /// Results on top, data below; each group keeps its order.
    void groupResults();
    /// The item is dropped on `target`: above or below it after where the cursor is.
    void dropOn(const QString &layerId, QTreeWidgetItem *target, const QPoint &pos);
    friend class LayerTree;

    std::vector<LayerState> m_layers;       ///< top first
    std::vector<QTreeWidgetItem *> m_items; ///< the item of each layer
    QTreeWidgetItem *m_resultsGroup = nullptr;
    QString m_language = QStringLiteral("fr");
    QTreeWidget *m_tree = nullptr;
    QToolButton *m_up = nullptr;
    QToolButton *m_down = nullptr;
    QToolButton *m_zoom = nullptr;
    QLabel *m_opacityLabel = nullptr;
    QSlider *m_opacity = nullptr;
    bool m_updating = false;
};

} // namespace vigie::gui
