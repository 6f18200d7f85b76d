#include "PaymentModels.h"

#include "vietqr/VietQr.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLocale>

namespace payments {

// --- PaymentHistoryModel -------------------------------------------------------------------

int PaymentHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QString PaymentHistoryModel::dayLabel(const QDateTime &when)
{
    if (!when.isValid())
        return {};
    const QDate day = when.toLocalTime().date();
    const QDate today = QDate::currentDate();
    if (day == today)
        return tr("Today");
    if (day == today.addDays(-1))
        return tr("Yesterday");
    return day.toString(QStringLiteral("dd/MM/yyyy"));
}

QVariant PaymentHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!isRow(index, m_rows.size()))
        return {};
    const QJsonObject &p = m_rows.at(index.row()).payment;
    const bool in = p.value(QLatin1String("direction")).toString() == QLatin1String("in");
    const qint64 amount = p.value(QLatin1String("amount")).toInteger();
    const QJsonObject merchant = p.value(QLatin1String("merchant")).toObject();
    const QDateTime created =
        QDateTime::fromString(p.value(QLatin1String("created_at")).toString(), Qt::ISODateWithMs);
    switch (role) {
    case PaymentIdRole:
        return p.value(QLatin1String("payment_id")).toString();
    case ReferenceRole:
        return p.value(QLatin1String("reference")).toString();
    case DirectionRole:
        return in ? QStringLiteral("in") : QStringLiteral("out");
    case AmountRole:
        return double(amount);
    case AmountTextRole:
        // U+2212 MINUS SIGN, as receipts print it.
        return QString((in ? QStringLiteral("+") : QStringLiteral("\u2212")) +
                       vietqr::formatVnd(amount));
    case TitleRole:
        if (in) {
            const QString payer =
                p.value(QLatin1String("payer")).toObject().value(QLatin1String("name")).toString();
            return payer.isEmpty() ? tr("Payment received") : payer;
        }
        return merchant.value(QLatin1String("name")).toString();
    case CategoryRole:
        return merchant.value(QLatin1String("category")).toString();
    case KindRole:
        return p.value(QLatin1String("kind")).toString();
    case PurposeRole:
        return p.value(QLatin1String("purpose")).toString();
    case CreatedAtRole:
        return created.toLocalTime();
    case DayLabelRole:
        return dayLabel(created);
    default:
        return {};
    }
}

QHash<int, QByteArray> PaymentHistoryModel::roleNames() const
{
    return {{PaymentIdRole, "paymentId"},   {ReferenceRole, "reference"},
            {DirectionRole, "direction"},   {AmountRole, "amount"},
            {AmountTextRole, "amountText"}, {TitleRole, "title"},
            {CategoryRole, "category"},     {KindRole, "kind"},
            {PurposeRole, "purpose"},       {CreatedAtRole, "createdAt"},
            {DayLabelRole, "dayLabel"}};
}

void PaymentHistoryModel::retranslate()
{
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1));
}

// --- BillProviderModel ---------------------------------------------------------------------

int BillProviderModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant BillProviderModel::data(const QModelIndex &index, int role) const
{
    if (!isRow(index, m_rows.size()))
        return {};
    const Provider &p = m_rows.at(index.row());
    switch (role) {
    case ProviderIdRole:
        return p.providerId;
    case NameRole:
        return p.name;
    case CategoryRole:
        return p.category;
    case CodeLabelRole:
        return p.codeLabel;
    case CodeExampleRole:
        return p.codeExample;
    default:
        return {};
    }
}

QHash<int, QByteArray> BillProviderModel::roleNames() const
{
    return {{ProviderIdRole, "providerId"},
            {NameRole, "name"},
            {CategoryRole, "category"},
            {CodeLabelRole, "codeLabel"},
            {CodeExampleRole, "codeExample"}};
}

const BillProviderModel::Provider *BillProviderModel::find(const QString &providerId) const
{
    for (const Provider &p : m_rows) {
        if (p.providerId == providerId)
            return &p;
    }
    return nullptr;
}

// --- SavedCodeModel ------------------------------------------------------------------------

int SavedCodeModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant SavedCodeModel::data(const QModelIndex &index, int role) const
{
    if (!isRow(index, m_rows.size()))
        return {};
    const Code &c = m_rows.at(index.row());
    switch (role) {
    case ProviderIdRole:
        return c.providerId;
    case ProviderNameRole:
        return c.providerName;
    case CustomerCodeRole:
        return c.customerCode;
    case LabelRole:
        return c.label;
    default:
        return {};
    }
}

QHash<int, QByteArray> SavedCodeModel::roleNames() const
{
    return {{ProviderIdRole, "providerId"},
            {ProviderNameRole, "providerName"},
            {CustomerCodeRole, "customerCode"},
            {LabelRole, "label"}};
}

// --- BillModel -----------------------------------------------------------------------------

int BillModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant BillModel::data(const QModelIndex &index, int role) const
{
    if (!isRow(index, m_rows.size()))
        return {};
    const Bill &b = m_rows.at(index.row());
    switch (role) {
    case BillIdRole:
        return b.billId;
    case ProviderIdRole:
        return b.providerId;
    case PeriodRole:
        return b.period;
    case DescriptionRole:
        return b.description;
    case AmountRole:
        return double(b.amount);
    case AmountTextRole:
        return vietqr::formatVnd(b.amount);
    case DueDateRole:
        return b.dueDate;
    case OverdueRole: {
        const QDate due = QDate::fromString(b.dueDate, Qt::ISODate);
        return due.isValid() && due < QDate::currentDate();
    }
    case SelectedRole:
        return b.selected;
    default:
        return {};
    }
}

QHash<int, QByteArray> BillModel::roleNames() const
{
    return {{BillIdRole, "billId"},    {ProviderIdRole, "providerId"},
            {PeriodRole, "period"},    {DescriptionRole, "description"},
            {AmountRole, "amount"},    {AmountTextRole, "amountText"},
            {DueDateRole, "dueDate"},  {OverdueRole, "overdue"},
            {SelectedRole, "selected"}};
}

void BillModel::setBills(QList<Bill> bills)
{
    replaceRows(m_rows, std::move(bills));
    Q_EMIT selectionChanged();
}

void BillModel::setSelected(int row, bool selected)
{
    if (row < 0 || row >= m_rows.size() || m_rows[row].selected == selected)
        return;
    m_rows[row].selected = selected;
    Q_EMIT dataChanged(index(row), index(row), {SelectedRole});
    Q_EMIT selectionChanged();
}

QStringList BillModel::selectedIds() const
{
    QStringList ids;
    for (const Bill &b : m_rows) {
        if (b.selected)
            ids << b.billId;
    }
    return ids;
}

qint64 BillModel::selectedTotal() const
{
    qint64 total = 0;
    for (const Bill &b : m_rows) {
        if (b.selected)
            total += b.amount;
    }
    return total;
}

} // namespace payments
