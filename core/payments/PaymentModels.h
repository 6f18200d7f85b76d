#pragma once

#include "RowListModel.h"

#include <QDateTime>
#include <QJsonObject>
#include <QStringList>

namespace payments {

// The user's payments, newest first (the server's list, or the local cache of receipts when
// it cannot be reached). Texts translated, amounts in VND.
class PaymentHistoryModel : public RowListModel
{
    Q_OBJECT

public:
    enum Role {
        PaymentIdRole = Qt::UserRole + 1,
        ReferenceRole,
        DirectionRole,  // "in" | "out"
        AmountRole,     // double (integer VND)
        AmountTextRole, // "−50.000 ₫" / "+50.000 ₫"
        TitleRole,      // the merchant (out) or the payer (in)
        CategoryRole,
        KindRole, // qr | bill | bank_transfer
        PurposeRole,
        CreatedAtRole, // QDateTime, local
        DayLabelRole,  // "Hôm nay", "Hôm qua", "12/03/2025": for sections
    };
    Q_ENUM(Role)

    // One Payment object of the contract (section 2), as the server sent it.
    struct Row
    {
        QJsonObject payment;
    };

    using RowListModel::RowListModel;
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setRows(QList<Row> rows) { replaceRows(m_rows, std::move(rows)); }
    const QList<Row> &rows() const { return m_rows; }
    // Re-reads the translated texts (day labels).
    void retranslate();

    // "Hôm nay", "Hôm qua", or the date, for a local time.
    static QString dayLabel(const QDateTime &when);

private:
    QList<Row> m_rows;
};

// The bill providers of GET /api/v1/bills/providers (electricity, water, ...).
class BillProviderModel : public RowListModel
{
    Q_OBJECT

public:
    enum Role {
        ProviderIdRole = Qt::UserRole + 1,
        NameRole,
        CategoryRole,
        CodeLabelRole,   // "Mã khách hàng"
        CodeExampleRole, // "PC05EE0012345"
    };
    Q_ENUM(Role)

    struct Provider
    {
        QString providerId;
        QString name;
        QString category;
        QString codeLabel;
        QString codeExample;
    };

    using RowListModel::RowListModel;
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setProviders(QList<Provider> providers) { replaceRows(m_rows, std::move(providers)); }
    const QList<Provider> &providers() const { return m_rows; }
    const Provider *find(const QString &providerId) const;

private:
    QList<Provider> m_rows;
};

// The customer codes the user saved on this device (kept when the cache is cleared).
class SavedCodeModel : public RowListModel
{
    Q_OBJECT

public:
    enum Role {
        ProviderIdRole = Qt::UserRole + 1,
        ProviderNameRole,
        CustomerCodeRole,
        LabelRole, // the user's name for it ("Nhà mẹ"), or ""
    };
    Q_ENUM(Role)

    struct Code
    {
        QString providerId;
        QString providerName;
        QString customerCode;
        QString label;
    };

    using RowListModel::RowListModel;
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setCodes(QList<Code> codes) { replaceRows(m_rows, std::move(codes)); }
    const QList<Code> &codes() const { return m_rows; }

private:
    QList<Code> m_rows;
};

// The unpaid bills of one customer (lookupBills), each selectable for paying several at once.
class BillModel : public RowListModel
{
    Q_OBJECT

public:
    enum Role {
        BillIdRole = Qt::UserRole + 1,
        ProviderIdRole,
        PeriodRole,
        DescriptionRole,
        AmountRole,     // double (integer VND)
        AmountTextRole, // "350.000 ₫"
        DueDateRole,    // "YYYY-MM-DD"
        OverdueRole,    // bool: the due date has passed
        SelectedRole,   // bool
    };
    Q_ENUM(Role)

    struct Bill
    {
        QString billId;
        QString providerId;
        QString period;
        QString description;
        qint64 amount = 0;
        QString dueDate;
        bool selected = true;
    };

    using RowListModel::RowListModel;
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setBills(QList<Bill> bills);
    const QList<Bill> &bills() const { return m_rows; }
    Q_INVOKABLE void setSelected(int row, bool selected);
    QStringList selectedIds() const;
    qint64 selectedTotal() const;

Q_SIGNALS:
    void selectionChanged();

private:
    QList<Bill> m_rows;
};

} // namespace payments
