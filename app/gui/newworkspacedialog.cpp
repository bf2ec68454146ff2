// SPDX-License-Identifier: GPL-3.0-or-later
#include "newworkspacedialog.h"

#include "importdialog.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace vigie::gui {

NewWorkspaceDialog::NewWorkspaceDialog(QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("New workspace"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    layout->addLayout(form);
    m_path = fileRow(tr("Workspace file:"), true, form);
    m_boundaries = fileRow(tr("Study area:"), false, form);
    m_boundaries->setPlaceholderText(tr("polygons of the area (optional)"));
    m_units = fileRow(tr("Reporting units:"), false, form);
    m_units->setPlaceholderText(tr("districts, beats… (optional)"));
    m_crs = new QLineEdit(this);
    m_crs->setPlaceholderText(tr("from the files"));
    form->addRow(tr("Coordinate system:"), m_crs);
    auto *hint = new QLabel(tr("With a study area, analyses of this workspace use it (and count "
                               "the records outside it); without one, the workspace starts "
                               "empty."),
                            this);
    hint->setWordWrap(true);
    hint->setStyleSheet(QStringLiteral("color: #555;"));
    layout->addWidget(hint);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Create"));
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(620, sizeHint().height());
    updateState();
}

QLineEdit *NewWorkspaceDialog::fileRow(const QString &label, bool save, QFormLayout *form)
{
    auto *row = new QHBoxLayout;
    auto *edit = new QLineEdit(this);
    auto *browse = new QPushButton(tr("Browse…"), this);
    row->addWidget(edit, 1);
    row->addWidget(browse);
    form->addRow(label, row);
    connect(edit, &QLineEdit::textChanged, this, &NewWorkspaceDialog::updateState);
    connect(browse, &QPushButton::clicked, this, [this, edit, save, label] {
        const QString path =
            save ? QFileDialog::getSaveFileName(this, label, edit->text(),
                                                tr("Vigie workspaces (*.sqlite *.vigie)"))
                 : QFileDialog::getOpenFileName(this, label, edit->text(),
                                                ImportDialog::fileFilters());
        if (!path.isEmpty())
            edit->setText(path);
    });
    return edit;
}

void NewWorkspaceDialog::updateState()
{
    m_units->setEnabled(!m_boundaries->text().trimmed().isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!m_path->text().trimmed().isEmpty());
}

QString NewWorkspaceDialog::workspacePath() const
{
    return m_path->text().trimmed();
}

core::NewWorkspaceOptions NewWorkspaceDialog::options() const
{
    core::NewWorkspaceOptions o;
    o.boundaries = m_boundaries->text().trimmed();
    if (!o.boundaries.isEmpty())
        o.units = m_units->text().trimmed();
    o.crs = m_crs->text().trimmed();
    return o;
}

void NewWorkspaceDialog::setWorkspacePath(const QString &path)
{
    m_path->setText(path);
}

void NewWorkspaceDialog::setBoundaries(const QString &path)
{
    m_boundaries->setText(path);
}

void NewWorkspaceDialog::setUnits(const QString &path)
{
    m_units->setText(path);
}

} // namespace vigie::gui
