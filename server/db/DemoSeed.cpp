#include "db/DemoSeed.h"

#include "db/Database.h"
#include "logging.h"

#include <QDateTime>

namespace hues::server {

namespace {

struct Place
{
    const char *id;
    const char *nameVi;
    const char *nameEn;
    const char *address;
    double lat;
    double lon;
    const char *extra; // phone for centres, opening hours for sites
    const char *hours;
};

// One-stop public administration service centres of the province and its districts/towns.
const Place kCentres[] = {
    {"centre-province", "Trung tâm Phục vụ hành chính công tỉnh Thừa Thiên Huế",
     "Thua Thien Hue Provincial Public Administration Service Centre",
     "01 Lê Lai, phường Vĩnh Ninh, thành phố Huế", 16.4636, 107.5860, "0234 3900 900",
     "Mo-Fr 07:00-11:30,13:30-17:00; Sa 07:30-11:30"},
    {"centre-huong-thuy", "Trung tâm Hành chính công thị xã Hương Thủy",
     "Huong Thuy Town Public Administration Centre",
     "1217 Nguyễn Tất Thành, phường Phú Bài, thị xã Hương Thủy", 16.4012, 107.7002, nullptr,
     "Mo-Fr 07:00-11:30,13:30-17:00"},
    {"centre-huong-tra", "Trung tâm Hành chính công thị xã Hương Trà",
     "Huong Tra Town Public Administration Centre",
     "Đường Cách Mạng Tháng Tám, phường Tứ Hạ, thị xã Hương Trà", 16.5311, 107.4774, nullptr,
     "Mo-Fr 07:00-11:30,13:30-17:00"},
    {"centre-phu-vang", "Trung tâm Hành chính công huyện Phú Vang",
     "Phu Vang District Public Administration Centre", "Thị trấn Phú Đa, huyện Phú Vang", 16.4458,
     107.6981, nullptr, "Mo-Fr 07:00-11:30,13:30-17:00"},
    {"centre-phong-dien", "Trung tâm Hành chính công huyện Phong Điền",
     "Phong Dien District Public Administration Centre", "Thị trấn Phong Điền, huyện Phong Điền",
     16.5486, 107.3547, nullptr, "Mo-Fr 07:00-11:30,13:30-17:00"},
    {"centre-quang-dien", "Trung tâm Hành chính công huyện Quảng Điền",
     "Quang Dien District Public Administration Centre", "Thị trấn Sịa, huyện Quảng Điền", 16.5797,
     107.5105, nullptr, "Mo-Fr 07:00-11:30,13:30-17:00"},
    {"centre-phu-loc", "Trung tâm Hành chính công huyện Phú Lộc",
     "Phu Loc District Public Administration Centre", "Quốc lộ 1A, thị trấn Phú Lộc, huyện Phú Lộc",
     16.2826, 107.8837, nullptr, "Mo-Fr 07:00-11:30,13:30-17:00"},
    {"centre-nam-dong", "Trung tâm Hành chính công huyện Nam Đông",
     "Nam Dong District Public Administration Centre", "Thị trấn Khe Tre, huyện Nam Đông", 16.1694,
     107.7222, nullptr, "Mo-Fr 07:00-11:30,13:30-17:00"},
    {"centre-a-luoi", "Trung tâm Hành chính công huyện A Lưới",
     "A Luoi District Public Administration Centre", "Thị trấn A Lưới, huyện A Lưới", 16.2832,
     107.2353, nullptr, "Mo-Fr 07:00-11:30,13:30-17:00"},
};

// Heritage sites of the Complex of Huế Monuments (UNESCO) and nearby.
const Place kSites[] = {
    {"site-imperial-city", "Hoàng thành Huế", "Imperial City of Huế",
     "Đường 23 Tháng 8, phường Thuận Hòa, thành phố Huế", 16.4698, 107.5786, nullptr,
     "Mo-Su 07:00-17:30"},
    {"site-tu-duc", "Lăng Tự Đức", "Tomb of Tự Đức",
     "Thôn Thượng Ba, phường Thủy Xuân, thành phố Huế", 16.4334, 107.5634, nullptr,
     "Mo-Su 07:00-17:30"},
    {"site-khai-dinh", "Lăng Khải Định", "Tomb of Khải Định",
     "Thôn Châu Chữ, xã Thủy Bằng, thị xã Hương Thủy", 16.3989, 107.5903, nullptr,
     "Mo-Su 07:00-17:30"},
    {"site-minh-mang", "Lăng Minh Mạng", "Tomb of Minh Mạng",
     "Núi Cẩm Khê, xã Hương Thọ, thành phố Huế", 16.3881, 107.5689, nullptr, "Mo-Su 07:00-17:30"},
    {"site-thien-mu", "Chùa Thiên Mụ", "Thiên Mụ Pagoda",
     "Đường Nguyễn Phúc Nguyên, phường Kim Long, thành phố Huế", 16.4533, 107.5450, nullptr,
     "Mo-Su 08:00-17:00"},
    {"site-gia-long", "Lăng Gia Long", "Tomb of Gia Long",
     "Núi Thiên Thọ, xã Hương Thọ, thành phố Huế", 16.3516, 107.5950, nullptr, "Mo-Su 07:00-17:00"},
    {"site-hon-chen", "Điện Hòn Chén", "Hòn Chén Temple",
     "Núi Ngọc Trản, phường Hương Hồ, thành phố Huế", 16.4211, 107.5466, nullptr,
     "Mo-Su 07:00-17:00"},
    {"site-nam-giao", "Đàn Nam Giao", "Nam Giao Esplanade",
     "Đường Điện Biên Phủ, phường Trường An, thành phố Huế", 16.4398, 107.5842, nullptr,
     "Mo-Su 07:00-17:30"},
    {"site-an-dinh", "Cung An Định", "An Định Palace",
     "179B Phan Đình Phùng, phường Vĩnh Ninh, thành phố Huế", 16.4627, 107.5917, nullptr,
     "Mo-Su 07:00-17:30"},
};

struct Category
{
    const char *code;
    const char *nameVi;
    const char *nameEn;
    const char *descriptionVi;
    const char *descriptionEn;
    const char *keywords;
};

// Open311 GeoReport v2 services (service_code, service_name, description, keywords).
const Category kCategories[] = {
    {"road_damage", "Hư hỏng mặt đường", "Road damage", "Ổ gà, sụt lún, nứt vỡ mặt đường",
     "Potholes, subsidence, broken road surface", "road,pothole,đường,ổ gà"},
    {"street_light", "Đèn đường hỏng", "Street light out",
     "Đèn chiếu sáng công cộng không sáng hoặc chập chờn",
     "A public street light is out or flickering", "light,lamp,đèn"},
    {"garbage", "Rác thải", "Garbage", "Rác thải chưa được thu gom, bãi rác tự phát",
     "Uncollected waste or illegal dumping", "garbage,waste,rác"},
    {"flooding", "Ngập úng", "Flooding", "Ngập nước trên đường phố, cống thoát nước bị tắc",
     "Flooded street or blocked drain", "flood,drain,ngập,cống"},
    {"fallen_tree", "Cây đổ", "Fallen tree", "Cây xanh gãy đổ hoặc có nguy cơ gãy đổ",
     "A fallen tree or a tree at risk of falling", "tree,cây"},
    {"sidewalk_encroachment", "Lấn chiếm vỉa hè", "Sidewalk encroachment",
     "Vỉa hè, lòng đường bị lấn chiếm buôn bán, để xe",
     "Sidewalk or roadway occupied by trade or parking", "sidewalk,vỉa hè,lấn chiếm"},
    {"pollution", "Ô nhiễm môi trường", "Pollution", "Khói bụi, mùi hôi, nước thải gây ô nhiễm",
     "Smoke, dust, odour or polluting waste water", "pollution,ô nhiễm"},
    {"noise", "Tiếng ồn", "Noise", "Tiếng ồn vượt mức cho phép, karaoke ban đêm",
     "Excessive noise, late-night karaoke", "noise,ồn,karaoke"},
    {"water_leak", "Rò rỉ nước", "Water leak", "Vỡ, rò rỉ đường ống cấp nước",
     "Burst or leaking water main", "water,leak,nước,ống"},
};

struct Provider
{
    const char *id;
    const char *nameVi;
    const char *nameEn;
    const char *kind;
};

const Provider kProviders[] = {
    {"pc-hue", "Công ty Điện lực Thừa Thiên Huế", "Thua Thien Hue Power Company (EVNCPC)",
     "electricity"},
    {"huewaco", "Công ty CP Cấp nước Thừa Thiên Huế (HUEWACO)",
     "Thua Thien Hue Water Supply JSC (HUEWACO)", "water"},
    {"hepco", "Công ty CP Môi trường và Công trình đô thị Huế (HEPCO)",
     "Hue Urban Environment and Public Works JSC (HEPCO)", "waste"},
    {"vnpt-hue", "VNPT Thừa Thiên Huế", "VNPT Thua Thien Hue", "telecom"},
    {"viettel-hue", "Viettel Thừa Thiên Huế", "Viettel Thua Thien Hue", "telecom"},
    {"fpt-hue", "FPT Telecom Huế", "FPT Telecom Hue", "internet"},
};

struct Account
{
    const char *id;
    const char *username;
    const char *role;
    const char *displayName;
    // PBKDF2 hash of the demo password written in README.md (never the password itself).
    const char *passwordHash;
    const char *citizenId; // CCCD, 12 digits (046 = Thừa Thiên Huế)
    const char *phoneNumber;
    const char *email;
};

// Demo identities; their passwords are in README.md ("Demo accounts").
const Account kAccounts[] = {
    {"acc-citizen", "citizen", "citizen", "Nguyễn Thị Hương",
     "pbkdf2-sha256$210000$hus2QU8dVYNR9GdbZ4H_6A$NQ9x7sB5CPvke4ma1hD27V1TJxVt5sMYofXgpmP_CeE",
     "046190001234", "+84905123456", "huong.nguyen@example.vn"},
    {"acc-ioc", "ioc", "ioc_staff", "Trần Văn Minh (IOC Huế)",
     "pbkdf2-sha256$210000$thsvx1WTwcgVBcOcdjsrnw$H51XvLdVHQVZNoUiYJ-qEkvgDnM6ZE6aQC0jOWUXU_8",
     "046085004321", "+84914222333", "minh.tran@ioc.example.vn"},
    {"acc-verifier", "verifier", "verifier", "Lê Thị Thu Hà",
     "pbkdf2-sha256$210000$iedP7h4STirVgMHSyE8LZg$sPXZlP5wrSxKSHVdCPpznp1LuLqFLq8eaY_naClw4gc",
     "046188007777", "+84935444555", "ha.le@verify.example.vn"},
    {"acc-merchant", "merchant", "merchant", "Quán Bún bò Huế Mệ Kéo",
     "pbkdf2-sha256$210000$AkXvFpEYaGBX6wvyLz6IEw$QimkA-_5Da1439HM2BM4S15k-Aris6BYcJjKshiGmIU",
     "046170009876", "+84983666777", "me.keo@example.vn"},
};

struct Client
{
    const char *id;
    const char *name;
    const char *type; // public | confidential
    const char *secretHash;
    const char *redirectUris; // space separated; loopback ones match any port (RFC 8252 §7.3)
    const char *postLogoutRedirectUris;
    const char *grantTypes;
    const char *scopes;
};

// OAuth clients; the partner's secret is in README.md.
const Client kClients[] = {
    {"hues-app", "Hue-S", "public", nullptr,
     "http://127.0.0.1/callback http://[::1]/callback vn.hue.hues:/oauth2redirect",
     "http://127.0.0.1/callback http://[::1]/callback vn.hue.hues:/oauth2redirect",
     "authorization_code refresh_token", "openid profile email phone citizen offline_access"},
    {"hues-kiosk", "Hue-S kiosk", "public", nullptr, "", "",
     "urn:ietf:params:oauth:grant-type:device_code refresh_token",
     "openid profile phone citizen offline_access"},
    {"hues-tool", "hues-tool", "public", nullptr, "", "",
     "urn:ietf:params:oauth:grant-type:device_code refresh_token",
     "openid profile email phone citizen offline_access"},
    {"evn-hue", "Công ty Điện lực Thừa Thiên Huế (EVNCPC)", "confidential",
     "pbkdf2-sha256$210000$ZsFPsqJCw-v27UQTpmFztw$LCtVm_UDG4XIAW-k8mJL9GnQsboFO-MUTv-Xx0W7aak", "",
     "", "client_credentials", "alerts:publish"},
};

QString u8(const char *text)
{
    return text ? QString::fromUtf8(text) : QString();
}

bool upsertPlaces(Database &db, const QString &table, const Place *places, size_t count,
                  bool withPhone)
{
    const QString sql =
        withPhone
            ? QStringLiteral("INSERT INTO service_centres (id, name_vi, name_en, address, lat, "
                             "lon, phone, opening_hours, sort_order) VALUES (?, ?, ?, ?, ?, ?, ?, "
                             "?, ?) ON CONFLICT (id) DO UPDATE SET name_vi = excluded.name_vi, "
                             "name_en = excluded.name_en, address = excluded.address, lat = "
                             "excluded.lat, lon = excluded.lon, phone = excluded.phone, "
                             "opening_hours = excluded.opening_hours, sort_order = "
                             "excluded.sort_order")
            : QStringLiteral("INSERT INTO ") + table +
                  QStringLiteral(" (id, name_vi, name_en, address, lat, lon, opening_hours, "
                                 "sort_order) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO "
                                 "UPDATE SET name_vi = excluded.name_vi, name_en = "
                                 "excluded.name_en, address = excluded.address, lat = "
                                 "excluded.lat, lon = excluded.lon, opening_hours = "
                                 "excluded.opening_hours, sort_order = excluded.sort_order");
    for (size_t i = 0; i < count; ++i) {
        const Place &p = places[i];
        QVariantList values{u8(p.id), u8(p.nameVi), u8(p.nameEn), u8(p.address), p.lat, p.lon};
        if (withPhone)
            values << (p.extra ? QVariant(u8(p.extra)) : QVariant(QMetaType::fromType<QString>()));
        values << u8(p.hours) << int(i);
        if (!db.exec(sql, values))
            return false;
    }
    return true;
}

bool seedAll(Database &db)
{
    if (!upsertPlaces(db, QStringLiteral("service_centres"), kCentres, std::size(kCentres), true))
        return false;
    if (!upsertPlaces(db, QStringLiteral("heritage_sites"), kSites, std::size(kSites), false))
        return false;
    int order = 0;
    for (const Category &c : kCategories) {
        if (!db.exec(QStringLiteral(
                         "INSERT INTO report_categories (service_code, name_vi, name_en, "
                         "description_vi, description_en, keywords, sort_order) VALUES (?, ?, ?, "
                         "?, ?, ?, ?) ON CONFLICT (service_code) DO UPDATE SET name_vi = "
                         "excluded.name_vi, name_en = excluded.name_en, description_vi = "
                         "excluded.description_vi, description_en = excluded.description_en, "
                         "keywords = excluded.keywords, sort_order = excluded.sort_order"),
                     {u8(c.code), u8(c.nameVi), u8(c.nameEn), u8(c.descriptionVi),
                      u8(c.descriptionEn), u8(c.keywords), order++}))
            return false;
    }
    order = 0;
    for (const Provider &p : kProviders) {
        if (!db.exec(QStringLiteral("INSERT INTO bill_providers (id, name_vi, name_en, kind, "
                                    "sort_order) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO "
                                    "UPDATE SET name_vi = excluded.name_vi, name_en = "
                                    "excluded.name_en, kind = excluded.kind, sort_order = "
                                    "excluded.sort_order"),
                     {u8(p.id), u8(p.nameVi), u8(p.nameEn), u8(p.kind), order++}))
            return false;
    }
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    for (const Account &a : kAccounts) {
        if (!db.exec(QStringLiteral("INSERT INTO accounts (id, username, role, display_name, "
                                    "created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"),
                     {u8(a.id), u8(a.username), u8(a.role), u8(a.displayName), now}) ||
            !db.exec(
                QStringLiteral("UPDATE accounts SET password_hash = ?, citizen_id = ?, "
                               "phone_number = ?, email = ? WHERE id = ?"),
                {u8(a.passwordHash), u8(a.citizenId), u8(a.phoneNumber), u8(a.email), u8(a.id)}))
            return false;
    }
    for (const Client &c : kClients) {
        if (!db.exec(QStringLiteral(
                         "INSERT INTO oauth_clients (client_id, name, client_type, secret_hash, "
                         "redirect_uris, post_logout_redirect_uris, grant_types, scopes, "
                         "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (client_id) "
                         "DO UPDATE SET name = excluded.name, client_type = excluded.client_type, "
                         "secret_hash = excluded.secret_hash, redirect_uris = "
                         "excluded.redirect_uris, post_logout_redirect_uris = "
                         "excluded.post_logout_redirect_uris, grant_types = excluded.grant_types, "
                         "scopes = excluded.scopes"),
                     {u8(c.id), u8(c.name), u8(c.type),
                      c.secretHash ? QVariant(u8(c.secretHash))
                                   : QVariant(QMetaType::fromType<QString>()),
                      u8(c.redirectUris), u8(c.postLogoutRedirectUris), u8(c.grantTypes),
                      u8(c.scopes), now}))
            return false;
    }
    return true;
}

} // namespace

bool DemoSeed::run(Database &db, QString *error)
{
    if (!db.begin()) {
        *error = QStringLiteral("cannot seed: ") + db.errorString();
        return false;
    }
    if (!seedAll(db) || !db.commit()) {
        *error = QStringLiteral("cannot seed demo data: ") + db.errorString();
        db.rollback();
        return false;
    }
    qCInfo(lcStore) << "demo data seeded";
    return true;
}

} // namespace hues::server
