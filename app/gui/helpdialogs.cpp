// SPDX-License-Identifier: GPL-3.0-or-later
#include "helpdialogs.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QFile>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeySequence>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QSplitter>
#include <QTableWidget>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextCursor>
#include <QTextDocument>
#include <QVBoxLayout>

namespace vigie::gui {

namespace {

const QString kGuide = QStringLiteral(":/vigie/help/user-guide.md");

QString plainTitle(QString text)
{
    return text.remove(QLatin1Char('&')).remove(QStringLiteral("…")).trimmed();
}

void collectShortcuts(const QMenu *menu, const QString &path, QTableWidget *table)
{
    for (QAction *a : menu->actions()) {
        if (a->isSeparator())
            continue;
        const QString title = path.isEmpty() ? plainTitle(a->text())
                                             : path + QStringLiteral(" › ") + plainTitle(a->text());
        if (a->menu()) {
            collectShortcuts(a->menu(), title, table);
            continue;
        }
        if (a->shortcut().isEmpty())
            continue;
        const int row = table->rowCount();
        table->insertRow(row);
        table->setItem(row, 0, new QTableWidgetItem(title));
        table->setItem(row, 1,
                       new QTableWidgetItem(a->shortcut().toString(QKeySequence::NativeText)));
    }
}

} // namespace

QString HelpDialog::guideSection(const QString &language)
{
    QFile file(kGuide);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QString text = QString::fromUtf8(file.readAll());
    text.remove(QRegularExpression(QStringLiteral("<!--.*?-->"),
                                   QRegularExpression::DotMatchesEverythingOption));
    const qsizetype french = text.indexOf(QStringLiteral("\n## Français"));
    const qsizetype english = text.indexOf(QStringLiteral("\n## English"));
    if (french < 0 || english < 0 || english < french)
        return text;
    const QString part =
        language == QLatin1String("fr") ? text.mid(french, english - french) : text.mid(english);
    // The part's own title replaces the bilingual one.
    return part.trimmed().replace(QRegularExpression(QStringLiteral("^## (Français|English)")),
                                  language == QLatin1String("fr")
                                      ? QStringLiteral("# Guide de l’utilisateur")
                                      : QStringLiteral("# User guide"));
}

HelpDialog::HelpDialog(const QString &language, QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("helpDialog"));
    setWindowTitle(tr("Vigie user guide"));
    auto *layout = new QVBoxLayout(this);
    auto *splitter = new QSplitter(this);
    m_sections = new QListWidget(splitter);
    m_browser = new QTextBrowser(splitter);
    m_browser->setOpenExternalLinks(false);
    m_browser->setOpenLinks(false);
    splitter->addWidget(m_sections);
    splitter->addWidget(m_browser);
    splitter->setStretchFactor(1, 1);
    m_sections->setMinimumWidth(200);
    splitter->setSizes({270, 600});
    layout->addWidget(splitter, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    const QString markdown = guideSection(language);
    if (markdown.isEmpty())
        m_browser->setPlainText(tr("The user guide is missing from this installation."));
    else
        m_browser->setMarkdown(markdown);
    // The sections: the document's level-3 headings.
    for (QTextBlock b = m_browser->document()->begin(); b.isValid(); b = b.next())
        if (b.blockFormat().headingLevel() == 3)
            m_sections->addItem(b.text());
    connect(m_sections, &QListWidget::currentRowChanged, this, &HelpDialog::showSection);
    resize(900, 640);
}

QStringList HelpDialog::sections() const
{
    QStringList out;
    for (int i = 0; i < m_sections->count(); ++i)
        out << m_sections->item(i)->text();
    return out;
}

void HelpDialog::showSection(int index)
{
    int seen = -1;
    for (QTextBlock b = m_browser->document()->begin(); b.isValid(); b = b.next()) {
        if (b.blockFormat().headingLevel() != 3 || ++seen != index)
            continue;
        // At the top of the view: to the end first, then back to the heading.
        m_browser->moveCursor(QTextCursor::End);
        m_browser->setTextCursor(QTextCursor(b));
        m_browser->ensureCursorVisible();
        if (m_sections->currentRow() != index)
            m_sections->setCurrentRow(index);
        return;
    }
}

ShortcutsDialog::ShortcutsDialog(const QMenuBar *menus, QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("shortcutsDialog"));
    setWindowTitle(tr("Keyboard shortcuts"));
    auto *layout = new QVBoxLayout(this);
    m_table = new QTableWidget(0, 2, this);
    m_table->setHorizontalHeaderLabels({tr("Command"), tr("Shortcut")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    for (QAction *a : menus->actions())
        if (a->menu())
            collectShortcuts(a->menu(), plainTitle(a->text()), m_table);
    // Keys of the map itself, not in a menu.
    const std::pair<QString, QString> mapKeys[] = {
        {tr("Map › Clear the identify result"),
         QKeySequence(Qt::Key_Escape).toString(QKeySequence::NativeText)},
        {tr("Layers › Rename the selected layer"),
         QKeySequence(Qt::Key_F2).toString(QKeySequence::NativeText)},
        {tr("Layers › Remove the selected layer"),
         QKeySequence(QKeySequence::Delete).toString(QKeySequence::NativeText)},
    };
    for (const auto &[command, key] : mapKeys) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        m_table->setItem(row, 0, new QTableWidgetItem(command));
        m_table->setItem(row, 1, new QTableWidgetItem(key));
    }
    layout->addWidget(m_table, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(560, 520);
}

QStringList ShortcutsDialog::rows() const
{
    QStringList out;
    for (int r = 0; r < m_table->rowCount(); ++r)
        out << m_table->item(r, 0)->text() + QLatin1Char('\t') + m_table->item(r, 1)->text();
    return out;
}

} // namespace vigie::gui
