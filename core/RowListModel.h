#pragma once

#include <QAbstractListModel>
#include <QList>

// The base of core's list models: a QList of plain rows, replaced as a whole, with the count
// QML binds to. Subclasses give data() and roleNames().
class RowListModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    using QAbstractListModel::QAbstractListModel;
    int count() const { return rowCount(); }

Q_SIGNALS:
    void countChanged();

protected:
    // Replaces `current` by `rows` (a model reset), emitting countChanged when it changes.
    template <typename Row> void replaceRows(QList<Row> &current, QList<Row> rows)
    {
        const bool countChanges = rows.size() != current.size();
        beginResetModel();
        current = std::move(rows);
        endResetModel();
        if (countChanges)
            Q_EMIT countChanged();
    }
    // Whether index is a valid row of a list of `size` rows.
    static bool isRow(const QModelIndex &index, qsizetype size)
    {
        return index.isValid() && !index.parent().isValid() && index.row() < size;
    }
};
