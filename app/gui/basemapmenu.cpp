// SPDX-License-Identifier: GPL-3.0-or-later
#include "basemapmenu.h"

#include <QActionGroup>
#include <QDialog>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace vigie::gui {

namespace {

const QString kCurrentKey = QStringLiteral("basemap/current");
const QString kSourcesKey = QStringLiteral("basemap/sources");

} // namespace

BaseMapMenu::BaseMapMenu(QWidget *parent) : QMenu(parent)
{
    setObjectName(QStringLiteral("baseMapMenu"));
    const QJsonArray saved =
        QJsonDocument::fromJson(QSettings().value(kSourcesKey).toByteArray()).array();
    for (const auto &v : saved) {
        const core::BaseMapSource s = core::BaseMapSource::fromJson(v.toObject());
        if (s.isValid())
            m_added.push_back(s);
    }
    rebuild();
}

std::vector<core::BaseMapSource> BaseMapMenu::sources() const
{
    std::vector<core::BaseMapSource> all = core::BaseMapSource::builtIn();
    all.insert(all.end(), m_added.begin(), m_added.end());
    return all;
}

void BaseMapMenu::rebuild()
{
    clear();
    setTitle(tr("&Base map"));
    delete m_group;
    m_group = new QActionGroup(this);
    m_group->setExclusive(true);
    QAction *none = addAction(tr("None (plain background)"));
    none->setCheckable(true);
    none->setChecked(!m_current);
    m_group->addAction(none);
    connect(none, &QAction::triggered, this, [this] { choose(std::nullopt); });
    addSeparator();
    for (const core::BaseMapSource &s : sources()) {
        QAction *a = addAction(s.title);
        a->setCheckable(true);
        a->setChecked(m_current && m_current->id == s.id);
        a->setToolTip(s.kind == core::BaseMapSource::Kind::File ? s.path : s.url);
        a->setData(s.id);
        m_group->addAction(a);
        connect(a, &QAction::triggered, this, [this, s] { choose(s); });
    }
    addSeparator();
    connect(addAction(tr("Add a tile server (XYZ, WMTS)…")), &QAction::triggered, this,
            &BaseMapMenu::addServerDialog);
    connect(addAction(tr("Open a tiles file (MBTiles, GeoPackage)…")), &QAction::triggered, this,
            &BaseMapMenu::openFileDialog);
}

void BaseMapMenu::remember(const core::BaseMapSource &source)
{
    for (const auto &s : sources())
        if (s.id == source.id)
            return;
    m_added.push_back(source);
    QJsonArray saved;
    for (const auto &s : m_added)
        saved.append(s.toJson());
    QSettings().setValue(kSourcesKey, QJsonDocument(saved).toJson(QJsonDocument::Compact));
}

void BaseMapMenu::choose(std::optional<core::BaseMapSource> source)
{
    if (source && !source->isValid())
        source.reset();
    if (source)
        remember(*source);
    m_current = source;
    QSettings().setValue(kCurrentKey,
                         source ? QJsonDocument(source->toJson()).toJson(QJsonDocument::Compact)
                                : QByteArray());
    rebuild();
    emit chosen(m_current);
}

void BaseMapMenu::restore()
{
    const QJsonObject o =
        QJsonDocument::fromJson(QSettings().value(kCurrentKey).toByteArray()).object();
    if (o.isEmpty())
        return;
    core::BaseMapSource s = core::BaseMapSource::fromJson(o);
    // The built-in sources as this version knows them (their titles in today's language).
    for (const auto &known : core::BaseMapSource::builtIn())
        if (known.id == s.id)
            s = known;
    if (s.kind == core::BaseMapSource::Kind::File) {
        const auto checked = core::BaseMapSource::fromFile(s.path);
        if (!checked) {
            m_lastError = checked.error().message;
            return;
        }
    }
    if (s.isValid())
        choose(s);
}

bool BaseMapMenu::openFile(const QString &path)
{
    auto source = core::BaseMapSource::fromFile(path);
    if (!source) {
        m_lastError = source.error().message;
        if (m_interactive)
            QMessageBox::warning(parentWidget(), tr("Base map"), m_lastError);
        return false;
    }
    choose(*source);
    return true;
}

void BaseMapMenu::openFileDialog()
{
    const QString path =
        QFileDialog::getOpenFileName(parentWidget(), tr("Open a tiles file"), QString(),
                                     tr("Tiles files (*.mbtiles *.gpkg);;All files (*)"));
    if (!path.isEmpty())
        openFile(path);
}

void BaseMapMenu::addServerDialog()
{
    QDialog dialog(parentWidget());
    dialog.setWindowTitle(tr("Add a tile server"));
    auto *layout = new QVBoxLayout(&dialog);
    auto *form = new QFormLayout;
    auto *title = new QLineEdit(&dialog);
    auto *url = new QLineEdit(&dialog);
    url->setPlaceholderText(QStringLiteral("https://tiles.example.org/{z}/{x}/{y}.png"));
    url->setMinimumWidth(420);
    auto *attribution = new QLineEdit(&dialog);
    attribution->setPlaceholderText(tr("e.g. © OpenStreetMap contributors"));
    form->addRow(tr("Name"), title);
    form->addRow(tr("Address"), url);
    form->addRow(tr("Attribution"), attribution);
    layout->addLayout(form);
    auto *help = new QLabel(tr("An XYZ address holds {z}, {x} and {y}. For a WMTS server, give "
                               "its GetTile address in the \"PM\" (Web Mercator) tile matrix "
                               "set with TILEMATRIX={z}, TILEROW={y} and TILECOL={x}."),
                            &dialog);
    help->setWordWrap(true);
    layout->addWidget(help);
    auto *error = new QLabel(&dialog);
    error->setWordWrap(true);
    error->setStyleSheet(QStringLiteral("color: #c62828;"));
    error->hide();
    layout->addWidget(error);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    std::optional<core::BaseMapSource> added;
    // A wrong address keeps the dialog open with what was typed, and says what is wrong.
    connect(buttons, &QDialogButtonBox::accepted, &dialog, [&] {
        auto source = core::BaseMapSource::fromUrl(title->text(), url->text(), attribution->text());
        if (!source) {
            error->setText(source.error().message);
            error->show();
            return;
        }
        added = *source;
        dialog.accept();
    });
    if (dialog.exec() == QDialog::Accepted && added)
        choose(*added);
}

void BaseMapMenu::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        rebuild();
    QMenu::changeEvent(event);
}

} // namespace vigie::gui
