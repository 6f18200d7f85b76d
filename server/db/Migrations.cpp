#include "db/Migrations.h"

#include "db/Database.h"
#include "logging.h"

#include <QDateTime>
#include <QSqlQuery>

namespace hues::server {

const std::vector<Migration> &Migrations::all()
{
    // Portable SQL only: TEXT/INTEGER/BIGINT/DOUBLE PRECISION, text ids, no AUTOINCREMENT/SERIAL.
    // Never edit a released migration: add a new one.
    static const std::vector<Migration> migrations = {
        {1,
         QStringLiteral("directory: centres, heritage sites, report categories, bill providers, "
                        "accounts"),
         {
             QStringLiteral("CREATE TABLE service_centres ("
                            " id TEXT PRIMARY KEY,"
                            " name_vi TEXT NOT NULL,"
                            " name_en TEXT NOT NULL,"
                            " address TEXT NOT NULL,"
                            " lat DOUBLE PRECISION NOT NULL,"
                            " lon DOUBLE PRECISION NOT NULL,"
                            " phone TEXT,"
                            " opening_hours TEXT,"
                            " sort_order INTEGER NOT NULL DEFAULT 0)"),
             QStringLiteral("CREATE TABLE heritage_sites ("
                            " id TEXT PRIMARY KEY,"
                            " name_vi TEXT NOT NULL,"
                            " name_en TEXT NOT NULL,"
                            " address TEXT NOT NULL,"
                            " lat DOUBLE PRECISION NOT NULL,"
                            " lon DOUBLE PRECISION NOT NULL,"
                            " opening_hours TEXT NOT NULL,"
                            " sort_order INTEGER NOT NULL DEFAULT 0)"),
             QStringLiteral("CREATE TABLE report_categories ("
                            " service_code TEXT PRIMARY KEY,"
                            " name_vi TEXT NOT NULL,"
                            " name_en TEXT NOT NULL,"
                            " description_vi TEXT NOT NULL,"
                            " description_en TEXT NOT NULL,"
                            " keywords TEXT NOT NULL DEFAULT '',"
                            " sort_order INTEGER NOT NULL DEFAULT 0)"),
             QStringLiteral("CREATE TABLE bill_providers ("
                            " id TEXT PRIMARY KEY,"
                            " name_vi TEXT NOT NULL,"
                            " name_en TEXT NOT NULL,"
                            " kind TEXT NOT NULL,"
                            " sort_order INTEGER NOT NULL DEFAULT 0)"),
             QStringLiteral("CREATE TABLE accounts ("
                            " id TEXT PRIMARY KEY,"
                            " username TEXT NOT NULL UNIQUE,"
                            " role TEXT NOT NULL,"
                            " display_name TEXT NOT NULL,"
                            " created_at TEXT NOT NULL)"),
         }},
        {2,
         QStringLiteral("single sign-on: passwords and profiles, OAuth clients, signing keys, "
                        "sessions, codes, token families, device codes, login failures"),
         {
             // Times in this migration are Unix milliseconds (BIGINT).
             QStringLiteral("ALTER TABLE accounts ADD COLUMN password_hash TEXT"),
             QStringLiteral("ALTER TABLE accounts ADD COLUMN citizen_id TEXT"),
             QStringLiteral("ALTER TABLE accounts ADD COLUMN phone_number TEXT"),
             QStringLiteral("ALTER TABLE accounts ADD COLUMN email TEXT"),
             QStringLiteral("CREATE TABLE oauth_clients ("
                            " client_id TEXT PRIMARY KEY,"
                            " name TEXT NOT NULL,"
                            " client_type TEXT NOT NULL," // public | confidential
                            " secret_hash TEXT,"
                            " redirect_uris TEXT NOT NULL DEFAULT '',"
                            " post_logout_redirect_uris TEXT NOT NULL DEFAULT '',"
                            " grant_types TEXT NOT NULL,"
                            " scopes TEXT NOT NULL,"
                            " created_at TEXT NOT NULL)"),
             QStringLiteral("CREATE TABLE signing_keys ("
                            " kid TEXT PRIMARY KEY,"
                            " alg TEXT NOT NULL,"
                            " private_pem TEXT NOT NULL,"
                            " created_at BIGINT NOT NULL)"),
             QStringLiteral("CREATE TABLE auth_sessions ("
                            " id TEXT PRIMARY KEY,"
                            " cookie_hash TEXT UNIQUE,"
                            " account_id TEXT NOT NULL REFERENCES accounts(id),"
                            " kind TEXT NOT NULL," // browser | device
                            " auth_time BIGINT NOT NULL,"
                            " created_at BIGINT NOT NULL,"
                            " expires_at BIGINT NOT NULL,"
                            " ended_at BIGINT)"),
             QStringLiteral("CREATE TABLE token_families ("
                            " id TEXT PRIMARY KEY,"
                            " client_id TEXT NOT NULL REFERENCES oauth_clients(client_id),"
                            " account_id TEXT REFERENCES accounts(id),"
                            " session_id TEXT REFERENCES auth_sessions(id),"
                            " scope TEXT NOT NULL,"
                            " nonce TEXT,"
                            " auth_time BIGINT,"
                            " created_at BIGINT NOT NULL,"
                            " expires_at BIGINT NOT NULL,"
                            " revoked_at BIGINT,"
                            " revoked_reason TEXT)"),
             QStringLiteral("CREATE INDEX token_families_session ON token_families (session_id)"),
             QStringLiteral("CREATE TABLE refresh_tokens ("
                            " token_hash TEXT PRIMARY KEY,"
                            " family_id TEXT NOT NULL REFERENCES token_families(id),"
                            " issued_at BIGINT NOT NULL,"
                            " expires_at BIGINT NOT NULL,"
                            " used_at BIGINT)"),
             QStringLiteral("CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id)"),
             QStringLiteral("CREATE TABLE access_tokens ("
                            " jti TEXT PRIMARY KEY,"
                            " family_id TEXT NOT NULL REFERENCES token_families(id),"
                            " expires_at BIGINT NOT NULL,"
                            " revoked_at BIGINT)"),
             QStringLiteral("CREATE INDEX access_tokens_family ON access_tokens (family_id)"),
             QStringLiteral("CREATE TABLE auth_codes ("
                            " code_hash TEXT PRIMARY KEY,"
                            " client_id TEXT NOT NULL REFERENCES oauth_clients(client_id),"
                            " account_id TEXT NOT NULL REFERENCES accounts(id),"
                            " session_id TEXT NOT NULL REFERENCES auth_sessions(id),"
                            " redirect_uri TEXT NOT NULL,"
                            " scope TEXT NOT NULL,"
                            " nonce TEXT,"
                            " code_challenge TEXT NOT NULL,"
                            " auth_time BIGINT NOT NULL,"
                            " created_at BIGINT NOT NULL,"
                            " expires_at BIGINT NOT NULL,"
                            " used_at BIGINT,"
                            " family_id TEXT)"),
             QStringLiteral("CREATE TABLE device_codes ("
                            " device_code_hash TEXT PRIMARY KEY,"
                            " user_code TEXT NOT NULL UNIQUE,"
                            " client_id TEXT NOT NULL REFERENCES oauth_clients(client_id),"
                            " scope TEXT NOT NULL,"
                            " created_at BIGINT NOT NULL,"
                            " expires_at BIGINT NOT NULL,"
                            " poll_interval INTEGER NOT NULL," // seconds
                            " last_polled_at BIGINT,"
                            " status TEXT NOT NULL," // pending | approved | denied | used
                            " account_id TEXT REFERENCES accounts(id),"
                            " auth_time BIGINT)"),
             QStringLiteral("CREATE TABLE login_failures ("
                            " bucket TEXT NOT NULL,"
                            " at BIGINT NOT NULL)"),
             QStringLiteral("CREATE INDEX login_failures_bucket ON login_failures (bucket, at)"),
         }},
        {3,
         QStringLiteral("field reports (Open311): category groups, notices, agencies and "
                        "attributes; service requests, status history, photos, idempotency keys"),
         {
             // Times are Unix milliseconds (BIGINT). {blob} is BLOB on SQLite, BYTEA on
             // PostgreSQL (the only type name that differs).
             QStringLiteral("ALTER TABLE report_categories ADD COLUMN group_vi TEXT NOT NULL "
                            "DEFAULT ''"),
             QStringLiteral("ALTER TABLE report_categories ADD COLUMN group_en TEXT NOT NULL "
                            "DEFAULT ''"),
             QStringLiteral("ALTER TABLE report_categories ADD COLUMN notice_vi TEXT NOT NULL "
                            "DEFAULT ''"),
             QStringLiteral("ALTER TABLE report_categories ADD COLUMN notice_en TEXT NOT NULL "
                            "DEFAULT ''"),
             QStringLiteral("ALTER TABLE report_categories ADD COLUMN agency TEXT NOT NULL "
                            "DEFAULT ''"),
             QStringLiteral("ALTER TABLE report_categories ADD COLUMN sla_hours INTEGER"),
             QStringLiteral(
                 "CREATE TABLE report_attributes ("
                 " service_code TEXT NOT NULL REFERENCES report_categories(service_code),"
                 " code TEXT NOT NULL,"
                 " datatype TEXT NOT NULL,"
                 " required INTEGER NOT NULL DEFAULT 0,"
                 " variable INTEGER NOT NULL DEFAULT 1,"
                 " description_vi TEXT NOT NULL,"
                 " description_en TEXT NOT NULL,"
                 " datatype_description_vi TEXT NOT NULL DEFAULT '',"
                 " datatype_description_en TEXT NOT NULL DEFAULT '',"
                 " sort_order INTEGER NOT NULL DEFAULT 0,"
                 " PRIMARY KEY (service_code, code))"),
             QStringLiteral("CREATE TABLE report_attribute_values ("
                            " service_code TEXT NOT NULL,"
                            " attribute_code TEXT NOT NULL,"
                            " value_key TEXT NOT NULL,"
                            " name_vi TEXT NOT NULL,"
                            " name_en TEXT NOT NULL,"
                            " sort_order INTEGER NOT NULL DEFAULT 0,"
                            " PRIMARY KEY (service_code, attribute_code, value_key),"
                            " FOREIGN KEY (service_code, attribute_code)"
                            "  REFERENCES report_attributes (service_code, code))"),
             QStringLiteral(
                 "CREATE TABLE service_requests ("
                 " id TEXT PRIMARY KEY,"
                 " service_code TEXT NOT NULL REFERENCES report_categories(service_code),"
                 " account_id TEXT REFERENCES accounts(id)," // NULL: anonymous
                 " description TEXT NOT NULL DEFAULT '',"
                 " lat DOUBLE PRECISION,"
                 " lon DOUBLE PRECISION,"
                 " address TEXT NOT NULL DEFAULT '',"
                 " address_id TEXT NOT NULL DEFAULT '',"
                 " attributes TEXT NOT NULL DEFAULT '{}'," // JSON object
                                                           // Contact details as sent; never in any
                                                           // answer.
                 " email TEXT,"
                 " first_name TEXT,"
                 " last_name TEXT,"
                 " phone TEXT,"
                 " device_id TEXT,"
                 " status TEXT NOT NULL,"          // open | closed
                 " detailed_status TEXT NOT NULL," // submitted | in_progress | ...
                 " status_notes TEXT NOT NULL DEFAULT '',"
                 " agency TEXT NOT NULL DEFAULT '',"
                 " requested_at BIGINT NOT NULL,"
                 " updated_at BIGINT NOT NULL,"
                 " expected_at BIGINT,"
                 " closed_at BIGINT,"
                 " rating_satisfied INTEGER,"
                 " rating_comment TEXT,"
                 " rating_at BIGINT)"),
             QStringLiteral("CREATE INDEX service_requests_requested ON service_requests "
                            "(requested_at)"),
             QStringLiteral("CREATE INDEX service_requests_account ON service_requests "
                            "(account_id, requested_at)"),
             QStringLiteral("CREATE TABLE service_request_history ("
                            " request_id TEXT NOT NULL REFERENCES service_requests(id),"
                            " seq INTEGER NOT NULL,"
                            " detailed_status TEXT NOT NULL,"
                            " status TEXT NOT NULL,"
                            " note TEXT NOT NULL DEFAULT '',"
                            " agency TEXT NOT NULL DEFAULT '',"
                            " actor_id TEXT," // the staff account; NULL for the reporter
                            " at BIGINT NOT NULL,"
                            " PRIMARY KEY (request_id, seq))"),
             QStringLiteral("CREATE TABLE media ("
                            " name TEXT PRIMARY KEY," // server-chosen, random
                            " content_type TEXT NOT NULL,"
                            " bytes {blob} NOT NULL,"
                            " width INTEGER NOT NULL,"
                            " height INTEGER NOT NULL,"
                            " created_at BIGINT NOT NULL)"),
             QStringLiteral("CREATE TABLE service_request_media ("
                            " request_id TEXT NOT NULL REFERENCES service_requests(id),"
                            " position INTEGER NOT NULL,"
                            " media_name TEXT NOT NULL REFERENCES media(name),"
                            " PRIMARY KEY (request_id, position))"),
             // Generic: any route that creates something (reports, later payments).
             QStringLiteral("CREATE TABLE idempotency_keys ("
                            " caller TEXT NOT NULL," // account:<id> | anonymous
                            " route TEXT NOT NULL,"
                            " idem_key TEXT NOT NULL,"
                            " request_hash TEXT NOT NULL,"
                            " response_status INTEGER NOT NULL,"
                            " response_body TEXT NOT NULL,"
                            " created_at BIGINT NOT NULL,"
                            " PRIMARY KEY (caller, route, idem_key))"),
             QStringLiteral("CREATE INDEX idempotency_keys_created ON idempotency_keys "
                            "(created_at)"),
         }},
        {4,
         QStringLiteral("push stream and alerts: event sequence, events, socket tokens; CAP "
                        "alerts, citizen alert submissions"),
         {
             // Times are Unix milliseconds (BIGINT). One row: the last seq handed out and the
             // last seq pruned (a client asking from before it gets a reset).
             QStringLiteral("CREATE TABLE push_sequence ("
                            " id INTEGER PRIMARY KEY,"
                            " value BIGINT NOT NULL,"
                            " pruned_through BIGINT NOT NULL)"),
             QStringLiteral("INSERT INTO push_sequence (id, value, pruned_through) VALUES (1, 0, "
                            "0)"),
             QStringLiteral("CREATE TABLE push_events ("
                            " seq BIGINT PRIMARY KEY,"
                            " kind TEXT NOT NULL,"
                            " audience TEXT NOT NULL DEFAULT ''," // '' public, else a subject
                            " data TEXT NOT NULL,"                // JSON object
                            " created_at BIGINT NOT NULL)"),
             QStringLiteral("CREATE INDEX push_events_created ON push_events (created_at)"),
             QStringLiteral("CREATE TABLE push_tokens ("
                            " token_hash TEXT PRIMARY KEY," // SHA-256 hex; single use
                            " subject TEXT NOT NULL,"
                            " expires_at BIGINT NOT NULL)"),
             QStringLiteral("CREATE TABLE alerts ("
                            " id TEXT PRIMARY KEY," // alert_id, server-chosen
                            " identifier TEXT NOT NULL,"
                            " sender TEXT NOT NULL,"
                            " sent TEXT NOT NULL," // as in the message
                            " sent_at BIGINT NOT NULL,"
                            " msg_type TEXT NOT NULL," // Alert | Update | Cancel
                            " status TEXT NOT NULL,"   // Actual | Exercise | System | Test | Draft
                            " expires_at BIGINT NOT NULL,"
                            " state TEXT NOT NULL," // active | cancelled | replaced
                            " ended_by TEXT,"       // the Update or Cancel that ended it
                            " cap TEXT NOT NULL,"   // the CAP 1.2 XML as received
                            " content_hash TEXT NOT NULL,"
                            " publisher TEXT NOT NULL," // account subject or client_id
                            " seq BIGINT NOT NULL,"     // its push event
                            " created_at BIGINT NOT NULL,"
                            " UNIQUE (sender, identifier))"),
             QStringLiteral("CREATE INDEX alerts_state ON alerts (state, expires_at)"),
             QStringLiteral("CREATE TABLE alert_submissions ("
                            " id TEXT PRIMARY KEY,"
                            " account_id TEXT NOT NULL REFERENCES accounts(id),"
                            " category TEXT NOT NULL,"
                            " text TEXT NOT NULL,"
                            " lat DOUBLE PRECISION NOT NULL,"
                            " lon DOUBLE PRECISION NOT NULL,"
                            " media_name TEXT REFERENCES media(name),"
                            " status TEXT NOT NULL," // pending | approved | rejected
                            " reason TEXT NOT NULL DEFAULT '',"
                            " alert_id TEXT REFERENCES alerts(id),"
                            " created_at BIGINT NOT NULL,"
                            " decided_at BIGINT,"
                            " decided_by TEXT)"),
             QStringLiteral("CREATE INDEX alert_submissions_status ON alert_submissions "
                            "(status, created_at)"),
             QStringLiteral("CREATE INDEX alert_submissions_account ON alert_submissions "
                            "(account_id, created_at)"),
         }},
        {5,
         QStringLiteral("payments: double-entry ledger, wallets, merchants, payments, dynamic QR "
                        "codes, bill customers and bills"),
         {
             // Money is BIGINT VND; times are Unix milliseconds. Wallets and merchant accounts
             // never go below zero; the gateway's clearing and funding accounts may.
             QStringLiteral("CREATE TABLE ledger_accounts ("
                            " id TEXT PRIMARY KEY,"
                            " kind TEXT NOT NULL," // wallet | merchant | clearing | funding
                            " balance BIGINT NOT NULL DEFAULT 0,"
                            " created_at BIGINT NOT NULL,"
                            " CHECK (kind IN ('clearing', 'funding') OR balance >= 0))"),
             QStringLiteral("INSERT INTO ledger_accounts (id, kind, balance, created_at) VALUES "
                            "('sys-clearing', 'clearing', 0, 0)"),
             QStringLiteral("INSERT INTO ledger_accounts (id, kind, balance, created_at) VALUES "
                            "('sys-funding', 'funding', 0, 0)"),
             // The entries of one transaction (txn_id: a payment id, or seed-...) sum to zero.
             QStringLiteral("CREATE TABLE ledger_entries ("
                            " txn_id TEXT NOT NULL,"
                            " seq INTEGER NOT NULL,"
                            " account_id TEXT NOT NULL REFERENCES ledger_accounts(id),"
                            " amount BIGINT NOT NULL,"
                            " created_at BIGINT NOT NULL,"
                            " PRIMARY KEY (txn_id, seq))"),
             QStringLiteral("CREATE INDEX ledger_entries_account ON ledger_entries (account_id)"),
             QStringLiteral("CREATE TABLE wallets ("
                            " account_id TEXT PRIMARY KEY REFERENCES accounts(id),"
                            " ledger_account_id TEXT NOT NULL UNIQUE REFERENCES "
                            "ledger_accounts(id),"
                            " linked_bin TEXT,"
                            " linked_account TEXT,"
                            " created_at BIGINT NOT NULL)"),
             QStringLiteral("CREATE TABLE merchants ("
                            " id TEXT PRIMARY KEY,"
                            " name TEXT NOT NULL,"
                            " category TEXT NOT NULL,"
                            " bank_bin TEXT NOT NULL,"
                            " account TEXT NOT NULL,"
                            " city TEXT NOT NULL DEFAULT '',"
                            " status TEXT NOT NULL," // open | closed
                            " owner_id TEXT REFERENCES accounts(id),"
                            " ledger_account_id TEXT NOT NULL UNIQUE REFERENCES "
                            "ledger_accounts(id),"
                            " created_at BIGINT NOT NULL,"
                            " UNIQUE (bank_bin, account))"),
             QStringLiteral("CREATE INDEX merchants_owner ON merchants (owner_id)"),
             QStringLiteral("CREATE TABLE payments ("
                            " id TEXT PRIMARY KEY,"
                            " reference TEXT NOT NULL UNIQUE,"
                            " kind TEXT NOT NULL,"                    // qr | bill | bank_transfer
                            " payer_id TEXT REFERENCES accounts(id)," // NULL: from a bank
                            " payer_name TEXT NOT NULL,"
                            " merchant_id TEXT REFERENCES merchants(id)," // NULL: another bank
                            " beneficiary_bin TEXT NOT NULL,"
                            " beneficiary_account TEXT NOT NULL,"
                            " beneficiary_name TEXT NOT NULL,"
                            " amount BIGINT NOT NULL CHECK (amount > 0),"
                            " purpose TEXT,"
                            " qr_id TEXT,"
                            " bank_txn_id TEXT UNIQUE," // inbound: the bank's transaction_id
                            " bank_reference TEXT,"     // outbound: the bank's transfer id
                            " idem_key TEXT,"
                            " search_text TEXT NOT NULL," // folded: no case, no diacritics
                            " created_at BIGINT NOT NULL)"),
             QStringLiteral("CREATE INDEX payments_payer ON payments (payer_id, created_at)"),
             QStringLiteral("CREATE INDEX payments_merchant ON payments (merchant_id, "
                            "created_at)"),
             QStringLiteral("CREATE TABLE merchant_qr ("
                            " id TEXT PRIMARY KEY," // 62.05 of the payload
                            " merchant_id TEXT NOT NULL REFERENCES merchants(id),"
                            " amount BIGINT NOT NULL CHECK (amount > 0),"
                            " purpose TEXT,"
                            " payload TEXT NOT NULL,"
                            " status TEXT NOT NULL," // open | paid (expired: by expires_at)
                            " payment_id TEXT REFERENCES payments(id),"
                            " expires_at BIGINT NOT NULL,"
                            " created_at BIGINT NOT NULL)"),
             QStringLiteral("CREATE INDEX merchant_qr_merchant ON merchant_qr (merchant_id, "
                            "created_at)"),
             QStringLiteral("ALTER TABLE bill_providers ADD COLUMN merchant_id TEXT"),
             QStringLiteral("ALTER TABLE bill_providers ADD COLUMN code_label_vi TEXT"),
             QStringLiteral("ALTER TABLE bill_providers ADD COLUMN code_label_en TEXT"),
             QStringLiteral("ALTER TABLE bill_providers ADD COLUMN code_example TEXT"),
             QStringLiteral("CREATE TABLE bill_customers ("
                            " provider_id TEXT NOT NULL REFERENCES bill_providers(id),"
                            " customer_code TEXT NOT NULL," // upper case, no spaces
                            " customer_name TEXT NOT NULL,"
                            " PRIMARY KEY (provider_id, customer_code))"),
             QStringLiteral("CREATE TABLE bills ("
                            " id TEXT PRIMARY KEY,"
                            " provider_id TEXT NOT NULL,"
                            " customer_code TEXT NOT NULL,"
                            " period TEXT NOT NULL,"
                            " description_vi TEXT NOT NULL,"
                            " description_en TEXT NOT NULL,"
                            " amount BIGINT NOT NULL CHECK (amount > 0),"
                            " due_date TEXT NOT NULL," // YYYY-MM-DD
                            " status TEXT NOT NULL,"   // unpaid | paid
                            " payment_id TEXT REFERENCES payments(id),"
                            " paid_at BIGINT,"
                            " FOREIGN KEY (provider_id, customer_code) REFERENCES "
                            "bill_customers(provider_id, customer_code))"),
             QStringLiteral("CREATE INDEX bills_customer ON bills (provider_id, customer_code)"),
         }},
    };
    return migrations;
}

int Migrations::latestVersion()
{
    return all().empty() ? 0 : all().back().version;
}

bool Migrations::currentVersion(Database &db, int *version, QString *error)
{
    QSqlQuery query(db.connection());
    if (!db.exec(query, QStringLiteral("SELECT MAX(version) FROM schema_version"))) {
        *error = QStringLiteral("cannot read schema_version: ") + db.errorString();
        return false;
    }
    *version = query.next() ? query.value(0).toInt() : 0;
    return true;
}

bool Migrations::run(Database &db, QString *error)
{
    if (!db.lockSchema()) {
        *error = QStringLiteral("cannot lock the schema for migration: ") + db.errorString();
        return false;
    }
    const bool ok = runLocked(db, error);
    db.unlockSchema();
    return ok;
}

bool Migrations::runLocked(Database &db, QString *error)
{
    if (!db.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version ("
                                " version INTEGER PRIMARY KEY,"
                                " description TEXT NOT NULL,"
                                " applied_at TEXT NOT NULL)"))) {
        *error = QStringLiteral("cannot create schema_version: ") + db.errorString();
        return false;
    }
    int current = 0;
    if (!currentVersion(db, &current, error))
        return false;
    if (current > latestVersion()) {
        *error = QStringLiteral("the database schema is at version %1, newer than the version "
                                "%2 this hues-server knows; refusing to start (upgrade "
                                "hues-server)")
                     .arg(current)
                     .arg(latestVersion());
        return false;
    }
    if (current == latestVersion()) {
        qCInfo(lcStore) << "schema up to date at version" << current;
        return true;
    }
    for (const Migration &migration : all()) {
        if (migration.version <= current)
            continue;
        if (!db.begin()) {
            *error = QStringLiteral("cannot begin migration: ") + db.errorString();
            return false;
        }
        // Another process may have migrated between our read and our lock (SQLite).
        int now = 0;
        if (!currentVersion(db, &now, error)) {
            db.rollback();
            return false;
        }
        if (now >= migration.version) {
            db.rollback();
            current = now;
            continue;
        }
        qCInfo(lcStore).noquote() << "applying migration" << migration.version << "-"
                                  << migration.description;
        bool ok = true;
        for (QString statement : migration.statements) {
            statement.replace(QLatin1String("{blob}"), db.kind() == Database::Kind::Sqlite
                                                           ? QLatin1String("BLOB")
                                                           : QLatin1String("BYTEA"));
            if (!db.exec(statement)) {
                ok = false;
                break;
            }
        }
        ok = ok && db.exec(QStringLiteral("INSERT INTO schema_version (version, description, "
                                          "applied_at) VALUES (?, ?, ?)"),
                           {migration.version, migration.description,
                            QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)});
        if (!ok || !db.commit()) {
            *error = QStringLiteral("migration %1 failed: %2")
                         .arg(migration.version)
                         .arg(db.errorString());
            db.rollback();
            return false;
        }
        current = migration.version;
    }
    return true;
}

} // namespace hues::server
