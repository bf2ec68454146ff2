// SPDX-License-Identifier: GPL-3.0-or-later
#include "scenarioeditors.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSet>
#include <QSignalBlocker>
#include <QStyledItemDelegate>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace vigie::gui {

namespace {

/// Columns of the camera edits table.
enum Column { ColKind, ColId, ColX, ColY, ColDirection, ColFov, ColRange, ColCount };

/// A number for the parameter's text ("12.5"), C locale, no trailing ".0".
QString number(double v)
{
    QString s = QString::number(v, 'f', 1);
    if (s.endsWith(QLatin1String(".0")))
        s.chop(2);
    return s;
}

QString kindLabel(const QString &kind)
{
    if (kind == QLatin1String("add"))
        return CameraEditsEditor::tr("add");
    if (kind == QLatin1String("move"))
        return CameraEditsEditor::tr("move");
    return CameraEditsEditor::tr("remove");
}

/// The table's numbers: plain metres and degrees, edited in spin boxes.
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

} // namespace

CameraEditsEditor::CameraEditsEditor(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_table = new QTableWidget(0, ColCount, this);
    m_table->setObjectName(QStringLiteral("edits"));
    m_table->setHorizontalHeaderLabels({tr("Change"), tr("Camera"), tr("X"), tr("Y"),
                                        tr("Dir. (°)"), tr("FOV (°)"), tr("Range (m)")});
    m_table->verticalHeader()->setVisible(false);
    m_table->setItemDelegate(new NumberDelegate(m_table));
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setMinimumHeight(110);
    m_table->setToolTip(tr(
        "Direction: bearing clockwise from north (90 = east). Double-click a value to change it."));
    layout->addWidget(m_table);

    auto *buttons = new QGridLayout;
    m_add = new QPushButton(tr("Add a camera at a map click"), this);
    m_add->setObjectName(QStringLiteral("addCameraAtClick"));
    m_move = new QPushButton(tr("Move a camera (click it)"), this);
    m_move->setObjectName(QStringLiteral("moveCameraAtClick"));
    m_remove = new QPushButton(tr("Remove a camera (click it)"), this);
    m_remove->setObjectName(QStringLiteral("removeCameraAtClick"));
    auto *removeRow = new QPushButton(tr("Delete the row"), this);
    removeRow->setObjectName(QStringLiteral("removeEditRow"));
    buttons->addWidget(m_add, 0, 0);
    buttons->addWidget(m_move, 0, 1);
    buttons->addWidget(m_remove, 1, 0);
    buttons->addWidget(removeRow, 1, 1);
    layout->addLayout(buttons);
    for (auto [button, click] :
         {std::pair{m_add, Click::Add}, {m_move, Click::Move}, {m_remove, Click::Remove}}) {
        button->setCheckable(true);
        connect(button, &QPushButton::clicked, this,
                [this, c = click](bool on) { emit clickRequested(on ? c : Click::None); });
    }
    connect(removeRow, &QPushButton::clicked, this, [this] {
        QList<int> rows;
        for (const QModelIndex &i : m_table->selectionModel()->selectedRows())
            rows << i.row();
        if (rows.isEmpty() && m_table->currentRow() >= 0)
            rows << m_table->currentRow();
        std::sort(rows.begin(), rows.end(), std::greater<int>());
        for (int r : rows)
            m_table->removeRow(r);
    });
}

void CameraEditsEditor::setClick(Click click)
{
    for (auto [button, c] :
         {std::pair{m_add, Click::Add}, {m_move, Click::Move}, {m_remove, Click::Remove}}) {
        const QSignalBlocker block(button);
        button->setChecked(click == c);
    }
}

int CameraEditsEditor::count() const
{
    return m_table->rowCount();
}

QString CameraEditsEditor::edits() const
{
    auto cell = [this](int row, int column) {
        const QTableWidgetItem *item = m_table->item(row, column);
        return number(item ? item->data(Qt::EditRole).toDouble() : 0.0);
    };
    QStringList parts;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        auto *kindCombo = qobject_cast<QComboBox *>(m_table->cellWidget(row, ColKind));
        const QString kind = kindCombo ? kindCombo->currentData().toString() : QString();
        const QTableWidgetItem *idItem = m_table->item(row, ColId);
        const QString id = idItem ? idItem->text().trimmed() : QString();
        const QString geometry =
            QStringList{cell(row, ColX), cell(row, ColY), cell(row, ColDirection),
                        cell(row, ColFov), cell(row, ColRange)}
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

void CameraEditsEditor::addRow(const QString &kind, const QString &id, double x, double y,
                               double direction, double fov, double range)
{
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    auto *combo = new QComboBox(m_table);
    for (const char *k : {"add", "move", "remove"})
        combo->addItem(kindLabel(QLatin1String(k)), QString::fromLatin1(k));
    combo->setCurrentIndex(std::max(0, combo->findData(kind)));
    combo->setFrame(false);
    m_table->setCellWidget(row, ColKind, combo);
    auto *idItem = new QTableWidgetItem(id);
    m_table->setItem(row, ColId, idItem);
    const double values[] = {std::round(x), std::round(y), direction, fov, range};
    for (int c = ColX; c < ColCount; ++c) {
        auto *item = new QTableWidgetItem;
        item->setData(Qt::EditRole, values[c - ColX]);
        m_table->setItem(row, c, item);
    }
    // A removed camera has no geometry to edit; an added one no id.
    auto updateRow = [this, combo, idItem] {
        int r = -1;
        for (int i = 0; i < m_table->rowCount(); ++i)
            if (m_table->cellWidget(i, ColKind) == combo)
                r = i;
        if (r < 0)
            return;
        const QString k = combo->currentData().toString();
        const Qt::ItemFlags editable =
            Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsEditable;
        const Qt::ItemFlags frozen = Qt::ItemIsSelectable;
        idItem->setFlags(k == QLatin1String("add") ? frozen : editable);
        for (int c = ColX; c < ColCount; ++c)
            if (QTableWidgetItem *item = m_table->item(r, c))
                item->setFlags(k == QLatin1String("remove") ? frozen : editable);
    };
    connect(combo, &QComboBox::currentIndexChanged, this, updateRow);
    updateRow();
    m_table->scrollToBottom();
    m_table->selectRow(row);
}

// --- areas ------------------------------------------------------------------------------------

AreaListEditor::AreaListEditor(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("areaFilter"));
    m_filter->setPlaceholderText(tr("Search a name…"));
    m_filter->setClearButtonEnabled(true);
    layout->addWidget(m_filter);
    m_list = new QListWidget(this);
    m_list->setMinimumHeight(120);
    layout->addWidget(m_list);
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        for (int i = 0; i < m_list->count(); ++i) {
            QListWidgetItem *item = m_list->item(i);
            item->setHidden(!text.isEmpty() && !item->text().contains(text, Qt::CaseInsensitive) &&
                            item->checkState() != Qt::Checked);
        }
    });
}

QStringList AreaListEditor::ticked() const
{
    QStringList names;
    for (int i = 0; i < m_list->count(); ++i)
        if (m_list->item(i)->checkState() == Qt::Checked)
            names << m_list->item(i)->text();
    return names;
}

void AreaListEditor::setNames(QStringList names)
{
    const QStringList before = ticked();
    const QSet<QString> was(before.begin(), before.end());
    m_list->clear();
    names.removeAll(QString());
    names.removeDuplicates();
    std::sort(names.begin(), names.end(), [](const QString &a, const QString &b) {
        return QString::localeAwareCompare(a, b) < 0;
    });
    for (const QString &n : names) {
        auto *item = new QListWidgetItem(n, m_list);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(was.contains(n) ? Qt::Checked : Qt::Unchecked);
    }
}

} // namespace vigie::gui
