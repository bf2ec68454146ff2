// SPDX-License-Identifier: GPL-3.0-or-later
#include "layerpanel.h"

#include "render/symbolstyle.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPainter>
#include <QPainterPath>
#include <QSlider>
#include <QStyle>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace vigie::gui {

namespace {

constexpr int kLayerIdRole = Qt::UserRole;
constexpr int kCategoryRole = Qt::UserRole + 1;

QColor colorOr(const QString &text, const QColor &fallback)
{
    const QColor c = render::colorFromString(text);
    return c.isValid() ? c : fallback;
}

/// A small legend swatch drawn like the map symbol.
QIcon layerSwatch(const core::LayerManifest &m)
{
    QPixmap pix(18, 18);
    pix.fill(Qt::transparent);
    QPainter p(&pix);
    p.setRenderHint(QPainter::Antialiasing, true);
    const QColor stroke = colorOr(m.symbology.stroke, QColor(0x33, 0x33, 0x33));
    QColor fill = colorOr(m.symbology.fill, Qt::transparent);
    switch (m.geometryType) {
    case core::GeometryType::Raster: {
        QLinearGradient g(0, 0, 18, 0);
        const auto &ramp = m.symbology.ramp;
        for (std::size_t i = 0; i < ramp.size(); ++i)
            g.setColorAt(ramp.size() > 1 ? double(i) / double(ramp.size() - 1) : 0.0,
                         colorOr(ramp[i].color, stroke));
        p.setBrush(QBrush(g));
        p.setPen(QPen(stroke, 1.0));
        p.drawRect(QRectF(2.5, 3.5, 13, 11));
        break;
    }
    case core::GeometryType::Polygon:
        if (fill.alpha() == 0)
            fill = QColor(255, 255, 255, 0);
        p.setBrush(fill);
        p.setPen(QPen(stroke, 1.4));
        p.drawRect(QRectF(2.5, 3.5, 13, 11));
        break;
    case core::GeometryType::Line: {
        QColor c = stroke;
        if (!m.symbology.ramp.empty())
            c = colorOr(m.symbology.ramp.back().color, stroke);
        QLinearGradient g(0, 0, 18, 0);
        if (m.symbology.ramp.size() >= 2) {
            g.setColorAt(0, colorOr(m.symbology.ramp.front().color, c));
            g.setColorAt(1, c);
            p.setPen(QPen(QBrush(g), 3.0, Qt::SolidLine, Qt::RoundCap));
        } else {
            p.setPen(QPen(c, 2.5, Qt::SolidLine, Qt::RoundCap));
        }
        QPainterPath path;
        path.moveTo(2, 13);
        path.cubicTo(7, 2, 11, 16, 16, 5);
        p.drawPath(path);
        break;
    }
    case core::GeometryType::Point: {
        QColor c = fill.alpha() > 0 ? fill : stroke;
        if (!m.categories.empty())
            c = colorOr(m.categories.front().color, c);
        p.translate(9, 9);
        p.setBrush(c);
        p.setPen(QPen(c.darker(140), 1.0));
        p.drawPath(render::markerPath(m.symbology.marker, 10));
        break;
    }
    }
    return QIcon(pix);
}

QIcon categorySwatch(const QString &color, core::GeometryType type)
{
    QPixmap pix(14, 14);
    pix.fill(Qt::transparent);
    QPainter p(&pix);
    p.setRenderHint(QPainter::Antialiasing, true);
    const QColor c = colorOr(color, Qt::gray);
    p.setBrush(c);
    p.setPen(QPen(c.darker(140), 1.0));
    if (type == core::GeometryType::Point)
        p.drawEllipse(QRectF(2, 2, 10, 10));
    else
        p.drawRect(QRectF(1.5, 2.5, 11, 9));
    return QIcon(pix);
}

} // namespace

LayerPanel::LayerPanel(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);

    m_tree = new QTreeWidget(this);
    m_tree->setHeaderHidden(true);
    m_tree->setColumnCount(1);
    m_tree->setRootIsDecorated(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setIconSize(QSize(18, 18));
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tree->setObjectName(QStringLiteral("layerTree"));
    layout->addWidget(m_tree, 1);

    auto *buttons = new QHBoxLayout;
    buttons->setSpacing(2);
    m_up = new QToolButton(this);
    m_up->setArrowType(Qt::UpArrow);
    m_down = new QToolButton(this);
    m_down->setArrowType(Qt::DownArrow);
    m_zoom = new QToolButton(this);
    m_zoom->setIcon(style()->standardIcon(QStyle::SP_FileDialogContentsView));
    buttons->addWidget(m_up);
    buttons->addWidget(m_down);
    buttons->addWidget(m_zoom);
    buttons->addStretch(1);
    layout->addLayout(buttons);

    auto *opacityRow = new QHBoxLayout;
    m_opacityLabel = new QLabel(this);
    m_opacity = new QSlider(Qt::Horizontal, this);
    m_opacity->setRange(0, 100);
    m_opacity->setValue(100);
    m_opacity->setEnabled(false);
    opacityRow->addWidget(m_opacityLabel);
    opacityRow->addWidget(m_opacity, 1);
    layout->addLayout(opacityRow);

    connect(m_tree, &QTreeWidget::itemChanged, this, &LayerPanel::itemChanged);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, &LayerPanel::currentChanged);
    connect(m_tree, &QTreeWidget::customContextMenuRequested, this, &LayerPanel::contextMenu);
    connect(m_up, &QToolButton::clicked, this, [this] { moveLayer(currentLayerId(), -1); });
    connect(m_down, &QToolButton::clicked, this, [this] { moveLayer(currentLayerId(), +1); });
    connect(m_zoom, &QToolButton::clicked, this, [this] {
        if (!currentLayerId().isEmpty())
            emit zoomToLayerRequested(currentLayerId());
    });
    connect(m_opacity, &QSlider::valueChanged, this, [this](int value) {
        if (!m_updating)
            setLayerOpacity(currentLayerId(), value / 100.0);
    });
    retranslateUi();
    currentChanged();
}

void LayerPanel::retranslateUi()
{
    m_up->setToolTip(tr("Move the layer up"));
    m_down->setToolTip(tr("Move the layer down"));
    m_zoom->setToolTip(tr("Zoom to layer"));
    m_opacityLabel->setText(tr("Opacity"));
    m_opacity->setToolTip(tr("Opacity of the selected layer"));
    updateItemTexts();
}

void LayerPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void LayerPanel::clear()
{
    m_layers.clear();
    rebuild();
}

void LayerPanel::setLayers(std::vector<LayerState> layers)
{
    std::stable_sort(layers.begin(), layers.end(), [](const LayerState &a, const LayerState &b) {
        return a.manifest.symbology.zOrder > b.manifest.symbology.zOrder;
    });
    for (auto &l : layers)
        if (l.categoryVisible.size() != l.manifest.categories.size())
            l.categoryVisible.assign(l.manifest.categories.size(), true);
    m_layers = std::move(layers);
    rebuild();
    emit changed();
}

void LayerPanel::setSnapshot(const QString &layerId, core::LayerSnapshotPtr data)
{
    const int i = indexOf(layerId);
    if (i < 0)
        return;
    m_layers[i].data = std::move(data);
    if (m_layers[i].data)
        m_layers[i].featureCount = static_cast<qint64>(m_layers[i].data->size());
    updateItemTexts();
    emit changed();
}

void LayerPanel::setLanguage(const QString &language)
{
    m_language = language;
    updateItemTexts();
}

int LayerPanel::indexOf(const QString &layerId) const
{
    for (std::size_t i = 0; i < m_layers.size(); ++i)
        if (m_layers[i].manifest.id == layerId)
            return static_cast<int>(i);
    return -1;
}

void LayerPanel::rebuild()
{
    const QString current = currentLayerId();
    m_updating = true;
    m_tree->clear();
    for (const LayerState &l : m_layers) {
        auto *item = new QTreeWidgetItem(m_tree);
        item->setData(0, kLayerIdRole, l.manifest.id);
        item->setData(0, kCategoryRole, -1);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        item->setCheckState(0, l.visible ? Qt::Checked : Qt::Unchecked);
        item->setIcon(0, layerSwatch(l.manifest));
        for (std::size_t c = 0; c < l.manifest.categories.size(); ++c) {
            const auto &cat = l.manifest.categories[c];
            auto *child = new QTreeWidgetItem(item);
            child->setData(0, kLayerIdRole, l.manifest.id);
            child->setData(0, kCategoryRole, static_cast<int>(c));
            child->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
            child->setCheckState(0, c < l.categoryVisible.size() && !l.categoryVisible[c]
                                        ? Qt::Unchecked
                                        : Qt::Checked);
            child->setIcon(0, categorySwatch(cat.color, l.manifest.geometryType));
        }
        item->setExpanded(!l.manifest.categories.empty());
    }
    m_updating = false;
    updateItemTexts();
    if (!current.isEmpty())
        setCurrentLayer(current);
    currentChanged();
}

void LayerPanel::updateItemTexts()
{
    if (!m_tree)
        return;
    m_updating = true;
    const QLocale locale;
    for (int i = 0; i < m_tree->topLevelItemCount() && i < static_cast<int>(m_layers.size()); ++i) {
        const LayerState &l = m_layers[i];
        QTreeWidgetItem *item = m_tree->topLevelItem(i);
        item->setText(0, l.manifest.title.text(m_language));
        QString tip = l.manifest.description.text(m_language);
        if (!l.data) {
            item->setForeground(0, QBrush(QColor(0x80, 0x80, 0x80)));
            tip += QLatin1Char('\n') + tr("Loading…");
        } else {
            item->setForeground(0, QBrush());
            tip +=
                QLatin1Char('\n') + tr("%n feature(s)", nullptr, static_cast<int>(l.data->size()));
        }
        item->setToolTip(0, tip.trimmed());
        for (int c = 0; c < item->childCount(); ++c) {
            const int index = item->child(c)->data(0, kCategoryRole).toInt();
            if (index >= 0 && index < static_cast<int>(l.manifest.categories.size()))
                item->child(c)->setText(0, l.manifest.categories[index].label.text(m_language));
        }
    }
    m_updating = false;
}

std::vector<render::MapLayer> LayerPanel::mapLayers() const
{
    std::vector<render::MapLayer> out;
    for (auto it = m_layers.rbegin(); it != m_layers.rend(); ++it) {
        if (!it->data)
            continue;
        render::MapLayer layer;
        layer.data = it->data;
        layer.visible = it->visible;
        layer.opacity = it->opacity;
        layer.categoryVisible = it->categoryVisible;
        out.push_back(std::move(layer));
    }
    return out;
}

QStringList LayerPanel::titles() const
{
    QStringList out;
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i)
        out << m_tree->topLevelItem(i)->text(0);
    return out;
}

void LayerPanel::setLayerVisible(const QString &layerId, bool visible)
{
    const int i = indexOf(layerId);
    if (i < 0 || m_layers[i].visible == visible)
        return;
    m_layers[i].visible = visible;
    m_updating = true;
    m_tree->topLevelItem(i)->setCheckState(0, visible ? Qt::Checked : Qt::Unchecked);
    m_updating = false;
    emit changed();
}

void LayerPanel::setCategoryVisible(const QString &layerId, int category, bool visible)
{
    const int i = indexOf(layerId);
    if (i < 0 || category < 0 || category >= static_cast<int>(m_layers[i].categoryVisible.size()))
        return;
    m_layers[i].categoryVisible[category] = visible;
    m_updating = true;
    if (QTreeWidgetItem *child = m_tree->topLevelItem(i)->child(category))
        child->setCheckState(0, visible ? Qt::Checked : Qt::Unchecked);
    m_updating = false;
    emit changed();
}

void LayerPanel::setLayerOpacity(const QString &layerId, double opacity)
{
    const int i = indexOf(layerId);
    if (i < 0)
        return;
    m_layers[i].opacity = std::clamp(opacity, 0.0, 1.0);
    if (layerId == currentLayerId()) {
        m_updating = true;
        m_opacity->setValue(qRound(m_layers[i].opacity * 100));
        m_updating = false;
    }
    emit changed();
}

void LayerPanel::moveLayer(const QString &layerId, int delta)
{
    const int i = indexOf(layerId);
    const int j = i + delta;
    if (i < 0 || j < 0 || j >= static_cast<int>(m_layers.size()))
        return;
    std::swap(m_layers[i], m_layers[j]);
    rebuild();
    setCurrentLayer(layerId);
    emit changed();
}

QString LayerPanel::currentLayerId() const
{
    const QTreeWidgetItem *item = m_tree ? m_tree->currentItem() : nullptr;
    return item ? item->data(0, kLayerIdRole).toString() : QString();
}

void LayerPanel::setCurrentLayer(const QString &layerId)
{
    const int i = indexOf(layerId);
    if (i >= 0)
        m_tree->setCurrentItem(m_tree->topLevelItem(i));
}

void LayerPanel::itemChanged(QTreeWidgetItem *item, int)
{
    if (m_updating || !item)
        return;
    const int i = indexOf(item->data(0, kLayerIdRole).toString());
    if (i < 0)
        return;
    const int category = item->data(0, kCategoryRole).toInt();
    const bool checked = item->checkState(0) == Qt::Checked;
    if (category < 0) {
        if (m_layers[i].visible == checked)
            return;
        m_layers[i].visible = checked;
    } else if (category < static_cast<int>(m_layers[i].categoryVisible.size())) {
        if (m_layers[i].categoryVisible[category] == checked)
            return;
        m_layers[i].categoryVisible[category] = checked;
    }
    emit changed();
}

void LayerPanel::currentChanged()
{
    const int i = indexOf(currentLayerId());
    const bool has = i >= 0;
    m_opacity->setEnabled(has);
    m_up->setEnabled(has && i > 0);
    m_down->setEnabled(has && i + 1 < static_cast<int>(m_layers.size()));
    m_zoom->setEnabled(has);
    // May run inside rebuild() (clearing the tree changes the current item): keep its flag.
    const bool wasUpdating = m_updating;
    m_updating = true;
    m_opacity->setValue(has ? qRound(m_layers[i].opacity * 100) : 100);
    m_updating = wasUpdating;
}

void LayerPanel::contextMenu(const QPoint &pos)
{
    QTreeWidgetItem *item = m_tree->itemAt(pos);
    if (!item)
        return;
    const QString id = item->data(0, kLayerIdRole).toString();
    QMenu menu(this);
    QAction *zoom = menu.addAction(tr("Zoom to layer"));
    QAction *table = menu.addAction(tr("Open attribute table"));
    menu.addSeparator();
    QAction *up = menu.addAction(tr("Move up"));
    QAction *down = menu.addAction(tr("Move down"));
    QAction *chosen = menu.exec(m_tree->viewport()->mapToGlobal(pos));
    if (chosen == zoom)
        emit zoomToLayerRequested(id);
    else if (chosen == table)
        emit attributeTableRequested(id);
    else if (chosen == up)
        moveLayer(id, -1);
    else if (chosen == down)
        moveLayer(id, +1);
}

} // namespace vigie::gui
