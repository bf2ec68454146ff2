// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>
#include <QWidget>

#include <vector>

class QLineEdit;
class QListWidget;
class QPushButton;
class QTableWidget;

namespace vigie::gui {

/**
 * The editor of a camera-edits parameter: a table of changes (add, move, remove; camera id;
 * x, y, direction, field of view, range) filled by clicking the map, each value editable, and
 * the buttons that start those clicks. Its value is the parameter's text,
 * "add:x,y,dir,fov,range;move:ID:x,y,dir,fov,range;remove:ID".
 */
class CameraEditsEditor : public QWidget
{
    Q_OBJECT

public:
    enum class Click { None, Add, Move, Remove };

    explicit CameraEditsEditor(QWidget *parent = nullptr);

    QString edits() const;
    int count() const;
    void addRow(const QString &kind, const QString &id, double x, double y, double direction,
                double fov, double range);
    /// Shows which click is awaited (the buttons stay pressed while it is).
    void setClick(Click click);
    QTableWidget *table() const { return m_table; }

signals:
    /// A button asks for a click on the map (None: no more).
    void clickRequested(vigie::gui::CameraEditsEditor::Click click);

private:
    QTableWidget *m_table;
    QPushButton *m_add;
    QPushButton *m_move;
    QPushButton *m_remove;
};

/**
 * The editor of an areas parameter: the names of a boundary layer's areas, to tick, with a
 * search field. Its value is the ticked names.
 */
class AreaListEditor : public QWidget
{
    Q_OBJECT

public:
    explicit AreaListEditor(QWidget *parent = nullptr);

    /// Replaces the names offered (those ticked stay ticked when still offered).
    void setNames(QStringList names);
    QStringList ticked() const;
    QListWidget *list() const { return m_list; }

private:
    QLineEdit *m_filter;
    QListWidget *m_list;
};

} // namespace vigie::gui
