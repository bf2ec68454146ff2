// SPDX-License-Identifier: GPL-3.0-or-later
#include "placesearchbox.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QEvent>
#include <QStandardItemModel>

namespace vigie::gui {

PlaceSearchBox::PlaceSearchBox(QWidget *parent) : QLineEdit(parent)
{
    setObjectName(QStringLiteral("placeSearch"));
    setClearButtonEnabled(true);
    setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('x')) * 30);
    setMaximumWidth(fontMetrics().horizontalAdvance(QLatin1Char('x')) * 55);
    m_model = new QStandardItemModel(this);
    m_completer = new QCompleter(m_model, this);
    // The index does the matching: the list shows what it found, in its order.
    m_completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setMaxVisibleItems(12);
    m_completer->setWidget(this);
    connect(this, &QLineEdit::textEdited, this, &PlaceSearchBox::update);
    connect(m_completer, qOverload<const QModelIndex &>(&QCompleter::activated), this,
            [this](const QModelIndex &index) { choose(index.row()); });
    connect(this, &QLineEdit::returnPressed, this, [this] {
        if (m_completer->popup()->isVisible() && m_completer->popup()->currentIndex().isValid())
            return; // the completer activates the row
        update(text());
        if (m_matches.empty())
            emit nothingFound(text());
        else
            choose(0);
    });
    retranslateUi();
}

void PlaceSearchBox::retranslateUi()
{
    setPlaceholderText(tr("Search a place, a street, an address…"));
    setToolTip(tr("Quartiers, arrondissements, venues, cameras by id, streets and addresses of "
                  "the workspace"));
}

void PlaceSearchBox::setIndexProvider(std::function<const core::PlaceIndex *()> provider)
{
    m_provider = std::move(provider);
}

void PlaceSearchBox::update(const QString &text)
{
    const core::PlaceIndex *index = m_provider ? m_provider() : nullptr;
    m_matches = index ? index->find(text, 12) : std::vector<core::Place>();
    m_model->clear();
    for (const core::Place &p : m_matches) {
        auto *item = new QStandardItem(QStringLiteral("%1 — %2").arg(p.text, p.detail));
        item->setToolTip(p.detail);
        m_model->appendRow(item);
    }
    if (m_matches.empty())
        m_completer->popup()->hide();
    else
        m_completer->complete();
}

void PlaceSearchBox::choose(int row)
{
    if (row < 0 || row >= int(m_matches.size()))
        return;
    const core::Place place = m_matches[std::size_t(row)];
    m_completer->popup()->hide();
    setText(place.text);
    emit placeChosen(place);
}

void PlaceSearchBox::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QLineEdit::changeEvent(event);
}

} // namespace vigie::gui
