// SPDX-License-Identifier: GPL-3.0-or-later
#include "layerpanel.h"

#include "render/symbolstyle.h"

#include <QAction>
#include <QDataStream>
#include <QDropEvent>
#include <QEvent>
#include <QHBoxLayout>
#include <QHash>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMap>
#include <QMenu>
#include <QMimeData>
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

/// The layer list with drag and drop: a dragged layer is dropped above or below another one
/// of its group; the panel reorders its layers and rebuilds the list (Qt's own item move,
/// which would also move categories between layers, is never done).
class LayerTree : public QTreeWidget
{
public:
    explicit LayerTree(LayerPanel *panel) : QTreeWidget(panel), m_panel(panel)
    {
        setDragDropMode(QAbstractItemView::InternalMove);
        setDefaultDropAction(Qt::MoveAction);
        setDragEnabled(true);
        setAcceptDrops(true);
        viewport()->setAcceptDrops(true);
        setDropIndicatorShown(true);
    }

protected:
    void dragEnterEvent(QDragEnterEvent *event) override { acceptIfLayer(event); }
    void dragMoveEvent(QDragMoveEvent *event) override
    {
        QTreeWidget::dragMoveEvent(event); // auto-scroll and the drop indicator
        acceptIfLayer(event);
    }
    void dropEvent(QDropEvent *event) override
    {
        const QString id = draggedLayer(event->mimeData());
        QTreeWidgetItem *target = itemAt(event->position().toPoint());
        event->setDropAction(Qt::IgnoreAction);
        event->accept();
        if (!id.isEmpty() && target)
            m_panel->dropOn(id, target, event->position().toPoint());
    }

private:
    /// The layer a drag carries, read from the item data Qt's models put in a drag (the row's
    /// roles); empty when it is not one of this panel's layers.
    QString draggedLayer(const QMimeData *mime) const
    {
        const QString format = QStringLiteral("application/x-qabstractitemmodeldatalist");
        if (!mime || !mime->hasFormat(format))
            return {};
        QByteArray bytes = mime->data(format);
        QDataStream in(&bytes, QIODevice::ReadOnly);
        while (!in.atEnd()) {
            int row = 0;
            int column = 0;
            QMap<int, QVariant> roles;
            in >> row >> column >> roles;
            if (in.status() != QDataStream::Ok)
                return {};
            const QString id = roles.value(kLayerIdRole).toString();
            if (roles.value(kCategoryRole).toInt() < 0 && m_panel->indexOf(id) >= 0)
                return id;
        }
        return {};
    }
    void acceptIfLayer(QDragMoveEvent *event)
    {
        if (draggedLayer(event->mimeData()).isEmpty()) {
            event->ignore();
            return;
        }
        event->setDropAction(Qt::MoveAction);
        event->accept();
    }

    LayerPanel *m_panel;
};

QString LayerState::title(const QString &language) const
{
    return userTitle.isEmpty() ? manifest.title.text(language) : userTitle;
}

LayerPanel::LayerPanel(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);

    m_tree = new LayerTree(this);
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
    // F2 renames and Delete removes the selected layer, as in QGIS's layer tree.
    const auto keyAction = [this](const QKeySequence &key, auto signal) {
        auto *a = new QAction(m_tree);
        a->setShortcut(key);
        a->setShortcutContext(Qt::WidgetShortcut);
        m_tree->addAction(a);
        connect(a, &QAction::triggered, this, [this, signal] {
            if (const QString id = currentLayerId(); !id.isEmpty())
                emit(this->*signal)(id);
        });
    };
    keyAction(QKeySequence(Qt::Key_F2), &LayerPanel::renameRequested);
    keyAction(QKeySequence(QKeySequence::Delete), &LayerPanel::removeRequested);
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
    groupResults();
    rebuild();
    emit changed();
}

void LayerPanel::groupResults()
{
    std::stable_partition(m_layers.begin(), m_layers.end(),
                          [](const LayerState &l) { return l.isResult; });
}

void LayerPanel::applyOrder(const QStringList &ids)
{
    const auto rank = [&ids](const LayerState &l) {
        const qsizetype i = ids.indexOf(l.manifest.id);
        return i < 0 ? qsizetype(-1) : i;
    };
    std::stable_sort(m_layers.begin(), m_layers.end(),
                     [&](const LayerState &a, const LayerState &b) { return rank(a) < rank(b); });
    groupResults();
    rebuild();
    emit changed();
}

void LayerPanel::renameLayer(const QString &layerId, const QString &title)
{
    const int i = indexOf(layerId);
    if (i < 0)
        return;
    const QString t = title.simplified();
    m_layers[i].userTitle = t == m_layers[i].manifest.title.text(m_language) ? QString() : t;
    updateItemTexts();
    emit changed();
}

void LayerPanel::removeLayers(const QStringList &layerIds)
{
    const auto before = m_layers.size();
    std::erase_if(m_layers, [&](const LayerState &l) { return layerIds.contains(l.manifest.id); });
    if (m_layers.size() == before)
        return;
    rebuild();
    emit changed();
}

QTreeWidgetItem *LayerPanel::itemOf(const QString &layerId) const
{
    const int i = indexOf(layerId);
    return i < 0 || i >= static_cast<int>(m_items.size()) ? nullptr : m_items[i];
}

void LayerPanel::setSnapshot(const QString &layerId, core::LayerSnapshotPtr data)
{
    const int i = indexOf(layerId);
    if (i < 0)
        return;
    LayerState &l = m_layers[i];
    l.data = std::move(data);
    l.categoryCounts.assign(l.manifest.categories.size(), 0);
    if (l.data) {
        l.featureCount = static_cast<qint64>(l.data->size());
        for (const int c : l.data->category)
            if (c >= 0 && c < static_cast<int>(l.categoryCounts.size()))
                ++l.categoryCounts[c];
    }
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
    m_items.clear();
    m_resultsGroup = nullptr;
    const bool haveResults = std::any_of(m_layers.begin(), m_layers.end(),
                                         [](const LayerState &l) { return l.isResult; });
    if (haveResults) {
        m_resultsGroup = new QTreeWidgetItem(m_tree);
        m_resultsGroup->setData(0, kCategoryRole, -1);
        m_resultsGroup->setFlags(Qt::ItemIsEnabled);
        QFont bold = m_resultsGroup->font(0);
        bold.setBold(true);
        m_resultsGroup->setFont(0, bold);
        m_resultsGroup->setIcon(0, style()->standardIcon(QStyle::SP_DirIcon));
        m_resultsGroup->setExpanded(true);
    }
    for (const LayerState &l : m_layers) {
        auto *item = l.isResult ? new QTreeWidgetItem(m_resultsGroup) : new QTreeWidgetItem(m_tree);
        m_items.push_back(item);
        item->setData(0, kLayerIdRole, l.manifest.id);
        item->setData(0, kCategoryRole, -1);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable |
                       Qt::ItemIsDragEnabled | Qt::ItemIsDropEnabled);
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
        item->setExpanded(!l.manifest.categories.empty() && !l.isResult);
    }
    if (m_resultsGroup)
        m_resultsGroup->setExpanded(true);
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
    const QLocale locale =
        m_language == QLatin1String("fr") ? QLocale(QLocale::French) : QLocale(QLocale::English);
    // Results of the same kind often share a title: the second and later get a number.
    QHash<QString, int> seen;
    int results = 0;
    for (std::size_t i = 0; i < m_layers.size() && i < m_items.size(); ++i) {
        const LayerState &l = m_layers[i];
        QTreeWidgetItem *item = m_items[i];
        results += l.isResult ? 1 : 0;
        const QString title = l.title(m_language);
        const int n = ++seen[title];
        item->setText(0, n > 1 ? tr("%1 (%2)").arg(title, locale.toString(n)) : title);
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
            if (index < 0 || index >= static_cast<int>(l.manifest.categories.size()))
                continue;
            const QString label = l.manifest.categories[index].label.text(m_language);
            // Feature counts as QGIS shows them: "Cambriolages [1 234]".
            item->child(c)->setText(
                0, index < static_cast<int>(l.categoryCounts.size()) && l.data
                       ? tr("%1 [%2]").arg(label, locale.toString(l.categoryCounts[index]))
                       : label);
        }
    }
    if (m_resultsGroup)
        m_resultsGroup->setText(0, tr("Analysis results (%1)").arg(locale.toString(results)));
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
    for (const QTreeWidgetItem *item : m_items)
        out << item->text(0);
    return out;
}

void LayerPanel::setLayerVisible(const QString &layerId, bool visible)
{
    const int i = indexOf(layerId);
    if (i < 0 || m_layers[i].visible == visible)
        return;
    m_layers[i].visible = visible;
    m_updating = true;
    m_items[i]->setCheckState(0, visible ? Qt::Checked : Qt::Unchecked);
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
    if (QTreeWidgetItem *child = m_items[i]->child(category))
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
    if (i < 0 || j < 0 || j >= static_cast<int>(m_layers.size()) ||
        m_layers[i].isResult != m_layers[j].isResult)
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
    if (QTreeWidgetItem *item = itemOf(layerId))
        m_tree->setCurrentItem(item);
}

bool LayerPanel::moveLayerTo(const QString &layerId, const QString &targetId, bool above)
{
    const int i = indexOf(layerId);
    const int t = indexOf(targetId);
    if (i < 0 || t < 0 || i == t || m_layers[i].isResult != m_layers[t].isResult)
        return false;
    LayerState moved = std::move(m_layers[i]);
    m_layers.erase(m_layers.begin() + i);
    const int target = indexOf(targetId);
    m_layers.insert(m_layers.begin() + (above ? target : target + 1), std::move(moved));
    rebuild();
    setCurrentLayer(layerId);
    emit changed();
    return true;
}

void LayerPanel::dropOn(const QString &layerId, QTreeWidgetItem *target, const QPoint &pos)
{
    // A category row stands for its layer; the group row for its first result.
    QTreeWidgetItem *layerItem =
        target->parent() && target->parent() != m_resultsGroup ? target->parent() : target;
    bool above = pos.y() < m_tree->visualItemRect(layerItem).center().y();
    if (layerItem == m_resultsGroup) {
        if (m_resultsGroup->childCount() == 0)
            return;
        layerItem = m_resultsGroup->child(0);
        above = true;
    }
    const QString targetId = layerItem->data(0, kLayerIdRole).toString();
    // Deferred: the view is still inside its drag and drop when this runs.
    QMetaObject::invokeMethod(
        this, [this, layerId, targetId, above] { moveLayerTo(layerId, targetId, above); },
        Qt::QueuedConnection);
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
    const auto sameGroup = [&](int j) {
        return j >= 0 && j < static_cast<int>(m_layers.size()) &&
               m_layers[j].isResult == m_layers[i].isResult;
    };
    m_up->setEnabled(has && sameGroup(i - 1));
    m_down->setEnabled(has && sameGroup(i + 1));
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
    if (id.isEmpty())
        return;
    QMenu menu(this);
    QAction *zoom = menu.addAction(tr("Zoom to layer"));
    QAction *table = menu.addAction(tr("Open attribute table"));
    QAction *exportIt = menu.addAction(tr("Export…"));
    menu.addSeparator();
    QAction *rename = menu.addAction(tr("Rename…"));
    QAction *remove = menu.addAction(tr("Remove…"));
    menu.addSeparator();
    QAction *up = menu.addAction(tr("Move up"));
    QAction *down = menu.addAction(tr("Move down"));
    QAction *chosen = menu.exec(m_tree->viewport()->mapToGlobal(pos));
    if (chosen == zoom)
        emit zoomToLayerRequested(id);
    else if (chosen == table)
        emit attributeTableRequested(id);
    else if (chosen == exportIt)
        emit exportRequested(id);
    else if (chosen == rename)
        emit renameRequested(id);
    else if (chosen == remove)
        emit removeRequested(id);
    else if (chosen == up)
        moveLayer(id, -1);
    else if (chosen == down)
        moveLayer(id, +1);
}

} // namespace vigie::gui
