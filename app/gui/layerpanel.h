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
    QString currentLayerId() const;
    void setCurrentLayer(const QString &layerId);

    QTreeWidget *tree() const { return m_tree; }

signals:
    void changed();
    void zoomToLayerRequested(const QString &layerId);
    void attributeTableRequested(const QString &layerId);

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

    std::vector<LayerState> m_layers; ///< top first
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
