// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QListWidget;
class QMenuBar;
class QTableWidget;
class QTextBrowser;

namespace vigie::gui {

/**
 * The user guide, inside the application and offline (docs/user-guide.md is compiled in): the
 * part in the interface's language, its sections listed on the left.
 */
class HelpDialog : public QDialog
{
    Q_OBJECT

public:
    explicit HelpDialog(const QString &language, QWidget *parent = nullptr);

    /// The guide's part in `language` ("fr": the French part, anything else: the English one),
    /// as Markdown; empty if the guide is missing.
    static QString guideSection(const QString &language);
    /// The section titles listed.
    QStringList sections() const;
    /// Shows a section (by its index in sections()).
    void showSection(int index);
    QTextBrowser *browser() const { return m_browser; }

private:
    QListWidget *m_sections = nullptr;
    QTextBrowser *m_browser = nullptr;
};

/// Every menu command that has a keyboard shortcut, read from the window's menus (so the list
/// is never out of date), in the interface's language.
class ShortcutsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ShortcutsDialog(const QMenuBar *menus, QWidget *parent = nullptr);
    /// "command<TAB>shortcut" rows, as listed.
    QStringList rows() const;

private:
    QTableWidget *m_table = nullptr;
};

} // namespace vigie::gui
