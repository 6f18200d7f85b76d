#include "db/DemoSeed.h"

#include "alerts/Cap.h"
#include "db/Database.h"
#include "logging.h"
#include "payments/Ledger.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QSqlQuery>

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
    const char *groupVi;
    const char *groupEn;
    const char *agency; // the agency a new request goes to
    int slaHours;       // expected_datetime = requested + this
};

const char kGroupRoadsVi[] = "Hạ tầng giao thông";
const char kGroupRoadsEn[] = "Roads and public works";
const char kGroupEnvVi[] = "Môi trường và trật tự";
const char kGroupEnvEn[] = "Environment and public order";
const char kGroupWaterVi[] = "Thoát nước và cấp nước";
const char kGroupWaterEn[] = "Drainage and water supply";
const char kGroupTreesVi[] = "Cây xanh";
const char kGroupTreesEn[] = "Trees and green spaces";

const char kAgencyTransport[] = "Sở Giao thông vận tải Thừa Thiên Huế";
const char kAgencyPower[] = "Công ty Điện lực Thừa Thiên Huế";
const char kAgencyHepco[] = "Công ty CP Môi trường và Công trình đô thị Huế";
const char kAgencyWater[] = "Công ty CP Cấp nước Thừa Thiên Huế (HUEWACO)";
const char kAgencyOrder[] = "Đội Quản lý trật tự đô thị thành phố Huế";
const char kAgencyEnvironment[] = "Sở Tài nguyên và Môi trường Thừa Thiên Huế";
const char kAgencyPolice[] = "Công an thành phố Huế";

// Open311 GeoReport v2 services (service_code, service_name, description, keywords, group).
const Category kCategories[] = {
    {"road_damage", "Hư hỏng mặt đường", "Road damage", "Ổ gà, sụt lún, nứt vỡ mặt đường",
     "Potholes, subsidence, broken road surface", "road,pothole,đường,ổ gà", kGroupRoadsVi,
     kGroupRoadsEn, kAgencyTransport, 72},
    {"street_light", "Đèn đường hỏng", "Street light out",
     "Đèn chiếu sáng công cộng không sáng hoặc chập chờn",
     "A public street light is out or flickering", "light,lamp,đèn", kGroupRoadsVi, kGroupRoadsEn,
     kAgencyPower, 48},
    {"garbage", "Rác thải", "Garbage", "Rác thải chưa được thu gom, bãi rác tự phát",
     "Uncollected waste or illegal dumping", "garbage,waste,rác", kGroupEnvVi, kGroupEnvEn,
     kAgencyHepco, 24},
    {"flooding", "Ngập úng", "Flooding", "Ngập nước trên đường phố sau mưa lớn",
     "A street flooded after heavy rain", "flood,ngập,lụt", kGroupWaterVi, kGroupWaterEn,
     kAgencyHepco, 6},
    {"fallen_tree", "Cây đổ", "Fallen tree", "Cây xanh gãy đổ hoặc có nguy cơ gãy đổ",
     "A fallen tree or a tree at risk of falling", "tree,cây", kGroupTreesVi, kGroupTreesEn,
     kAgencyHepco, 12},
    {"sidewalk_encroachment", "Lấn chiếm vỉa hè", "Sidewalk encroachment",
     "Vỉa hè, lòng đường bị lấn chiếm buôn bán, để xe",
     "Sidewalk or roadway occupied by trade or parking", "sidewalk,vỉa hè,lấn chiếm", kGroupRoadsVi,
     kGroupRoadsEn, kAgencyOrder, 72},
    {"pollution", "Ô nhiễm môi trường", "Pollution", "Khói bụi, mùi hôi, nước thải gây ô nhiễm",
     "Smoke, dust, odour or polluting waste water", "pollution,ô nhiễm", kGroupEnvVi, kGroupEnvEn,
     kAgencyEnvironment, 72},
    {"noise", "Tiếng ồn", "Noise", "Tiếng ồn vượt mức cho phép, karaoke ban đêm",
     "Excessive noise, late-night karaoke", "noise,ồn,karaoke", kGroupEnvVi, kGroupEnvEn,
     kAgencyPolice, 4},
    {"water_leak", "Rò rỉ nước", "Water leak", "Vỡ, rò rỉ đường ống cấp nước",
     "Burst or leaking water main", "water,leak,nước,ống", kGroupWaterVi, kGroupWaterEn,
     kAgencyWater, 24},
    {"clogged_drain", "Cống nghẹt", "Clogged drain",
     "Cống, hố ga thoát nước bị tắc, bốc mùi hoặc mất nắp",
     "A blocked, smelly or uncovered drain or manhole", "drain,cống,hố ga", kGroupWaterVi,
     kGroupWaterEn, kAgencyHepco, 24},
};

struct AttributeSeed
{
    const char *serviceCode;
    const char *code;
    const char *datatype;
    bool required;
    const char *descriptionVi;
    const char *descriptionEn;
    const char *datatypeDescriptionVi;
    const char *datatypeDescriptionEn;
};

// Service definitions (GET services/{code}): the questions asked for some categories.
const AttributeSeed kAttributes[] = {
    {"flooding", "flood_depth", "singlevaluelist", true, "Độ sâu ngập nước", "Flood depth",
     "Chọn mức gần đúng nhất", "Pick the closest level"},
    {"road_damage", "width_cm", "number", false, "Chiều rộng chỗ hư hỏng (cm)",
     "Width of the damage (cm)", "Số, ví dụ 40", "A number, e.g. 40"},
    {"street_light", "pole_number", "string", false, "Số hiệu cột đèn (nếu thấy)",
     "Pole number (if visible)", "", ""},
    {"garbage", "waste_type", "multivaluelist", false, "Loại rác", "Kind of waste",
     "Chọn một hoặc nhiều", "Pick one or more"},
    {"fallen_tree", "blocking", "singlevaluelist", false, "Cây có chắn đường không?",
     "Is the tree blocking the road?", "", ""},
    {"noise", "started_at", "datetime", false, "Bắt đầu từ lúc", "Started at", "Ngày giờ ISO 8601",
     "ISO 8601 date and time"},
};

struct ValueSeed
{
    const char *serviceCode;
    const char *attributeCode;
    const char *key;
    const char *nameVi;
    const char *nameEn;
};

const ValueSeed kValues[] = {
    {"flooding", "flood_depth", "lt20", "Dưới 20 cm", "<20 cm"},
    {"flooding", "flood_depth", "20to50", "20–50 cm", "20-50 cm"},
    {"flooding", "flood_depth", "gt50", "Trên 50 cm", ">50 cm"},
    {"garbage", "waste_type", "household", "Rác sinh hoạt", "Household waste"},
    {"garbage", "waste_type", "construction", "Phế thải xây dựng", "Construction debris"},
    {"garbage", "waste_type", "hazardous", "Rác nguy hại", "Hazardous waste"},
    {"fallen_tree", "blocking", "yes", "Có, chắn đường", "Yes, it blocks the road"},
    {"fallen_tree", "blocking", "no", "Không", "No"},
};

struct StepSeed
{
    const char *detailedStatus;
    const char *note;
    const char *agency;
    double hoursAfter; // after the request was made
};

struct RequestSeed
{
    const char *id;
    const char *serviceCode;
    const char *accountId; // nullptr: anonymous
    const char *description;
    double lat;
    double lon;
    const char *address;
    const char *attributes; // JSON
    double daysAgo;
    StepSeed steps[3]; // after "submitted"; detailedStatus nullptr ends the list
    int rating;        // -1 none, 0 not satisfied, 1 satisfied
    const char *ratingComment;
};

// Demo service requests at real places of Huế, so the app's lists are not empty.
const RequestSeed kRequests[] = {
    {"HUE-DEMO-0001",
     "road_damage",
     "acc-citizen",
     "Ổ gà lớn ở đầu cầu phía Lê Lợi, xe máy phải tránh gấp.",
     16.4667,
     107.5906,
     "Cầu Trường Tiền, đầu cầu đường Lê Lợi, thành phố Huế",
     R"({"width_cm":"60"})",
     3.0,
     {{"in_progress", "Đã cử đội kiểm tra hiện trường.", kAgencyTransport, 5},
      {nullptr, nullptr, nullptr, 0}},
     -1,
     nullptr},
    {"HUE-DEMO-0002",
     "garbage",
     "acc-citizen",
     "Rác tồn đọng sau giờ chợ ở cổng phía bờ sông.",
     16.4734,
     107.5887,
     "Chợ Đông Ba, 2 Trần Hưng Đạo, phường Phú Hòa, thành phố Huế",
     R"({"waste_type":["household"]})",
     2.5,
     {{"in_progress", "Đã điều xe thu gom.", kAgencyHepco, 2},
      {"closed", "Đã thu gom xong.", kAgencyHepco, 10},
      {nullptr, nullptr, nullptr, 0}},
     -1,
     nullptr},
    {"HUE-DEMO-0003",
     "flooding",
     nullptr,
     "Nước ngập nửa bánh xe trước cổng trường.",
     16.4600,
     107.5845,
     "Đường Lê Lợi, trước Trường THPT chuyên Quốc Học, thành phố Huế",
     R"({"flood_depth":"20to50"})",
     0.2,
     {{nullptr, nullptr, nullptr, 0}},
     -1,
     nullptr},
    {"HUE-DEMO-0004",
     "street_light",
     nullptr,
     "Hai cột đèn trước Ngọ Môn không sáng.",
     16.4698,
     107.5786,
     "Đường 23 Tháng 8, trước Ngọ Môn, Đại Nội Huế",
     R"({})",
     20.0,
     {{"in_progress", "Đã tiếp nhận, chờ vật tư.", kAgencyPower, 6},
      {"closed", "Đã thay bóng đèn LED mới.", kAgencyPower, 30},
      {nullptr, nullptr, nullptr, 0}},
     -1,
     nullptr},
    {"HUE-DEMO-0005",
     "fallen_tree",
     "acc-citizen",
     "Cành cây lớn gãy sau mưa, nằm sát lề đường.",
     16.4705,
     107.5845,
     "Cửa Thượng Tứ, đường Đinh Tiên Hoàng, thành phố Huế",
     R"({"blocking":"no"})",
     1.0,
     {{"in_progress", "Đội cây xanh đang xử lý.", kAgencyHepco, 1}, {nullptr, nullptr, nullptr, 0}},
     -1,
     nullptr},
    {"HUE-DEMO-0006",
     "sidewalk_encroachment",
     nullptr,
     "Quán bày bàn ghế kín vỉa hè, người đi bộ phải xuống lòng đường.",
     16.4695,
     107.5955,
     "Phố Phạm Ngũ Lão, phường Phú Hội, thành phố Huế",
     R"({})",
     4.0,
     {{nullptr, nullptr, nullptr, 0}},
     -1,
     nullptr},
    {"HUE-DEMO-0007",
     "noise",
     "acc-citizen",
     "Hát karaoke lớn sau 23 giờ.",
     16.4672,
     107.5878,
     "Phố đi bộ Nguyễn Đình Chiểu, phường Vĩnh Ninh, thành phố Huế",
     R"({})",
     6.0,
     {{"in_progress", "Đã chuyển công an phường.", kAgencyPolice, 0.5},
      {"closed", "Đã nhắc nhở và lập biên bản.", kAgencyPolice, 2},
      {nullptr, nullptr, nullptr, 0}},
     1,
     "Xử lý nhanh, cảm ơn."},
    {"HUE-DEMO-0008",
     "water_leak",
     "acc-citizen",
     "Nước rò rỉ thành vũng trên vỉa hè.",
     16.4582,
     107.5975,
     "Đường Hùng Vương, phường Phú Nhuận, thành phố Huế",
     R"({})",
     5.0,
     {{"closed", "Đã sửa mối nối ống.", kAgencyWater, 20},
      {"reopened", "Vẫn còn rò rỉ.", kAgencyWater, 40},
      {nullptr, nullptr, nullptr, 0}},
     -1,
     nullptr},
    {"HUE-DEMO-0009",
     "clogged_drain",
     nullptr,
     "Hố ga bốc mùi, nước không thoát được.",
     16.4712,
     107.5880,
     "Đường Trần Hưng Đạo, phường Phú Hòa, thành phố Huế",
     R"({})",
     1.5,
     {{nullptr, nullptr, nullptr, 0}},
     -1,
     nullptr},
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
    // Payments (issue 6): a tourist and a parent with wallets, a trader of Chợ Đông Ba.
    {"acc-tourist", "tourist", "citizen", "Emily Carter",
     "pbkdf2-sha256$210000$SmCFqBX_dAxzcu4DQL2Zkw$Rkl4qL_QzvqA16NEZ585KIM2BBmez46Tcsu9DlSn4bA",
     nullptr, "+61412345678", "emily.carter@example.com"},
    {"acc-parent", "parent", "citizen", "Phan Văn Long",
     "pbkdf2-sha256$210000$zXfQp9xbd7r5XPc3G_sZdw$0D5VAqCjPV3ZwKuwGH7i9oivE47wR5D0c4yznMFfd_0",
     "046082005555", "+84914777888", "long.phan@example.vn"},
    {"acc-trader", "trader", "merchant", "Trần Thị Lan",
     "pbkdf2-sha256$210000$sJk8s9ADpksSzOu6lLuzBA$6K0QCUQVNBBams8Ue7SuS_P9S-cErbuFr_HLVm0W8mw",
     "046165003333", "+84905888999", "lan.tran@example.vn"},
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

QString openOrClosed(const QString &detailedStatus)
{
    return detailedStatus == u"closed" ? QStringLiteral("closed") : QStringLiteral("open");
}

// Inserted once (fixed ids): later starts keep them, and what staff and citizens did to them.
bool seedRequests(Database &db)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    constexpr double kHourMs = 3600.0 * 1000;
    for (const RequestSeed &r : kRequests) {
        QSqlQuery exists(db.connection());
        if (!db.exec(exists, QStringLiteral("SELECT 1 FROM service_requests WHERE id = ?"),
                     {u8(r.id)}))
            return false;
        if (exists.next())
            continue;
        const Category *category = nullptr;
        for (const Category &c : kCategories)
            category = QByteArrayView(c.code) == QByteArrayView(r.serviceCode) ? &c : category;
        if (!category)
            return false;
        const qint64 requested = now - qint64(r.daysAgo * 24 * kHourMs);
        QString detailed = QStringLiteral("submitted");
        QString notes = QStringLiteral("");
        QString agency = u8(category->agency);
        qint64 updated = requested;
        qint64 closedAt = 0;
        QList<QVariantList> history{{u8(r.id), 0, detailed, QStringLiteral("open"),
                                     QStringLiteral(""), agency,
                                     QVariant(QMetaType::fromType<QString>()), requested}};
        for (const StepSeed &step : r.steps) {
            if (!step.detailedStatus)
                break;
            detailed = u8(step.detailedStatus);
            notes = u8(step.note);
            agency = u8(step.agency);
            updated = requested + qint64(step.hoursAfter * kHourMs);
            closedAt = detailed == u"closed" ? updated : (detailed == u"reopened" ? 0 : closedAt);
            history.append({u8(r.id), int(history.size()), detailed, openOrClosed(detailed), notes,
                            agency,
                            detailed == u"reopened" ? QVariant(u8(r.accountId))
                                                    : QVariant(QStringLiteral("acc-ioc")),
                            updated});
        }
        const QVariant nullInt(QMetaType::fromType<qlonglong>());
        const QVariant nullText(QMetaType::fromType<QString>());
        if (!db.exec(QStringLiteral(
                         "INSERT INTO service_requests (id, service_code, account_id, "
                         "description, lat, lon, address, attributes, status, detailed_status, "
                         "status_notes, agency, requested_at, updated_at, expected_at, "
                         "closed_at, rating_satisfied, rating_comment, rating_at) VALUES (?, ?, "
                         "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                     {u8(r.id), u8(r.serviceCode),
                      r.accountId ? QVariant(u8(r.accountId)) : nullText, u8(r.description), r.lat,
                      r.lon, u8(r.address), u8(r.attributes), openOrClosed(detailed), detailed,
                      notes, agency, requested, updated,
                      requested + qint64(category->slaHours) * 3600 * 1000,
                      closedAt ? QVariant(closedAt) : nullInt,
                      r.rating < 0 ? nullInt : QVariant(qlonglong(r.rating)),
                      r.rating < 0 ? nullText : QVariant(u8(r.ratingComment)),
                      r.rating < 0 ? nullInt : QVariant(updated + qint64(kHourMs))}))
            return false;
        for (const QVariantList &row : history) {
            if (!db.exec(QStringLiteral("INSERT INTO service_request_history (request_id, seq, "
                                        "detailed_status, status, note, agency, actor_id, at) "
                                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                         row))
                return false;
        }
    }
    return true;
}

// Demo alerts: a flood warning for the banks of the Hương river (IOC) and a planned power cut
// in Phú Hội ward (the power company), each with a Vietnamese and an English <info>. Stored as
// the state the stream starts from (no push event: clients read them with GET /api/v1/alerts).
// Times are relative to the seeding; an expired demo alert is replaced by a fresh one.
::alerts::Info demoInfo(const char *language, const char *category, const char *event,
                        const char *urgency, const char *severity, const char *certainty,
                        const char *senderName, const char *headline, const char *description,
                        const char *instruction, const char *areaDesc)
{
    ::alerts::Info info;
    info.language = u8(language);
    info.categories = {u8(category)};
    info.event = u8(event);
    info.urgency = u8(urgency);
    info.severity = u8(severity);
    info.certainty = u8(certainty);
    info.senderName = u8(senderName);
    info.headline = u8(headline);
    info.description = u8(description);
    info.instruction = u8(instruction);
    ::alerts::Area area;
    area.areaDesc = u8(areaDesc);
    info.areas.append(area);
    return info;
}

QList<::alerts::Alert> demoAlerts(const QDateTime &now)
{
    const QDateTime sent =
        QDateTime::fromSecsSinceEpoch(now.toSecsSinceEpoch(), Qt::OffsetFromUTC, 7 * 3600);
    QList<::alerts::Alert> list;

    ::alerts::Alert flood;
    flood.identifier = QStringLiteral("hue-ioc-flood-") + sent.toString(QStringLiteral("yyyyMMdd"));
    flood.sender = QStringLiteral("ioc@hue.gov.vn");
    flood.sent = sent;
    flood.status = QStringLiteral("Actual");
    flood.msgType = QStringLiteral("Alert");
    flood.scope = QStringLiteral("Public");
    // Both banks of the river through the city, Kim Long to Bao Vinh (a concave strip).
    const geo::Ring banks = {{16.4530, 107.5480}, {16.4610, 107.5600}, {16.4680, 107.5720},
                             {16.4720, 107.5830}, {16.4770, 107.5950}, {16.4870, 107.6050},
                             {16.4830, 107.6100}, {16.4720, 107.5990}, {16.4650, 107.5900},
                             {16.4600, 107.5780}, {16.4530, 107.5650}, {16.4470, 107.5510},
                             {16.4530, 107.5480}};
    for (const bool vietnamese : {true, false}) {
        ::alerts::Info info =
            vietnamese
                ? demoInfo("vi-VN", "Met", "Lũ", "Expected", "Severe", "Likely",
                           "Trung tâm Giám sát, điều hành đô thị thông minh Huế (IOC)",
                           "Cảnh báo lũ trên sông Hương: nguy cơ ngập các phường ven sông",
                           "Mực nước sông Hương tại trạm Kim Long dự báo vượt mức báo động 2 "
                           "(2,0 m) trong 12 giờ tới. Các khu vực thấp trũng ven sông thuộc các "
                           "phường Kim Long, Phú Hậu, Phú Hội, Vĩnh Ninh, Vỹ Dạ có thể ngập "
                           "0,3-0,8 m.",
                           "Kê cao tài sản, không đi qua các đoạn đường ngập sâu, không cho trẻ "
                           "em chơi gần bờ sông; theo dõi thông báo của chính quyền địa phương.",
                           "Các phường ven sông Hương, thành phố Huế")
                : demoInfo("en-US", "Met", "Flood", "Expected", "Severe", "Likely",
                           "Hue Intelligent Operations Centre (IOC)",
                           "Flood warning on the Perfume River: wards along the banks may flood",
                           "The Perfume River at the Kim Long gauge is forecast to rise above "
                           "alarm level 2 (2.0 m) within 12 hours. Low-lying areas along the "
                           "river in Kim Long, Phu Hau, Phu Hoi, Vinh Ninh and Vy Da wards may "
                           "be flooded 0.3-0.8 m deep.",
                           "Move belongings to higher ground, do not cross deeply flooded "
                           "streets, keep children away from the river banks; follow the "
                           "announcements of the local authorities.",
                           "Wards along the Perfume River, Hue city");
        info.expires = sent.addDays(2);
        info.areas.first().polygons.append(banks);
        flood.infos.append(info);
    }
    list.append(flood);

    ::alerts::Alert power;
    power.identifier =
        QStringLiteral("pc3hue-outage-phuhoi-") + sent.toString(QStringLiteral("yyyyMMdd"));
    power.sender = QStringLiteral("pc3hue@evn.com.vn");
    power.sent = sent;
    power.status = QStringLiteral("Actual");
    power.msgType = QStringLiteral("Alert");
    power.scope = QStringLiteral("Public");
    const QDateTime day =
        QDateTime(sent.date().addDays(1), QTime(0, 0), Qt::OffsetFromUTC, 7 * 3600);
    for (const bool vietnamese : {true, false}) {
        ::alerts::Info info =
            vietnamese
                ? demoInfo("vi-VN", "Infra", "Tạm ngừng cung cấp điện", "Future", "Minor", "Likely",
                           "Công ty Điện lực Thừa Thiên Huế",
                           "Tạm ngừng cấp điện phường Phú Hội từ 07:30 đến 16:30 ngày mai",
                           "Để bảo dưỡng, sửa chữa lưới điện, Điện lực Huế tạm ngừng cung cấp "
                           "điện khu vực các đường Hà Nội, Lê Lợi, Chu Văn An, Phạm Ngũ Lão, "
                           "Võ Thị Sáu thuộc phường Phú Hội.",
                           "Chủ động sắp xếp công việc; không đến gần các vị trí đang thi công "
                           "trên lưới điện.",
                           "Phường Phú Hội, thành phố Huế (bán kính 600 m quanh đường Chu Văn An)")
                : demoInfo("en-US", "Infra", "Planned power outage", "Future", "Minor", "Likely",
                           "Thua Thien Hue Power Company",
                           "Planned power cut in Phu Hoi ward tomorrow from 07:30 to 16:30",
                           "For maintenance and repairs of the grid, Hue Power cuts the supply "
                           "to Ha Noi, Le Loi, Chu Van An, Pham Ngu Lao and Vo Thi Sau streets "
                           "in Phu Hoi ward.",
                           "Plan your day accordingly; keep away from the works on the lines.",
                           "Phu Hoi ward, Hue city (600 m around Chu Van An street)");
        info.onset = day.addSecs(7 * 3600 + 30 * 60);
        info.expires = day.addSecs(16 * 3600 + 30 * 60);
        info.areas.first().circles.append({geo::LatLon{16.4655, 107.5960}, 0.6});
        power.infos.append(info);
    }
    list.append(power);
    return list;
}

bool seedAlerts(Database &db)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QStringList ids{QStringLiteral("ALR-DEMO-FLOOD"), QStringLiteral("ALR-DEMO-POWER")};
    const QList<::alerts::Alert> alerts = demoAlerts(now);
    for (qsizetype i = 0; i < alerts.size(); ++i) {
        QSqlQuery existing(db.connection());
        if (!db.exec(existing, QStringLiteral("SELECT expires_at FROM alerts WHERE id = ?"),
                     {ids.at(i)}))
            return false;
        if (existing.next()) {
            if (existing.value(0).toLongLong() > now.toMSecsSinceEpoch())
                continue;
            existing.finish();
            if (!db.exec(QStringLiteral("DELETE FROM alerts WHERE id = ?"), {ids.at(i)}))
                return false;
        }
        const ::alerts::Alert &alert = alerts.at(i);
        if (!::alerts::validate(alert).isEmpty()) {
            qCWarning(lcStore).noquote() << "demo alert invalid:" << ::alerts::validate(alert);
            return false;
        }
        const QByteArray xml = ::alerts::serialize(alert);
        if (!db.exec(QStringLiteral("INSERT INTO alerts (id, identifier, sender, sent, sent_at, "
                                    "msg_type, status, expires_at, state, cap, content_hash, "
                                    "publisher, seq, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
                                    "'active', ?, ?, 'seed:demo', 0, ?)"),
                     {ids.at(i), alert.identifier, alert.sender, ::alerts::formatTime(alert.sent),
                      alert.sent.toMSecsSinceEpoch(), alert.msgType, alert.status,
                      ::alerts::expiry(alert).toMSecsSinceEpoch(), QString::fromUtf8(xml),
                      QString::fromLatin1(
                          QCryptographicHash::hash(xml, QCryptographicHash::Sha256).toHex()),
                      now.toMSecsSinceEpoch()}))
            return false;
    }
    return true;
}

// --- payments (issue 6) -----------------------------------------------------------------------

struct WalletSeed
{
    const char *accountId;
    const char *bin; // the linked bank account
    const char *account;
    qint64 balance; // funded once, when the wallet is created
};

const WalletSeed kWallets[] = {
    {"acc-citizen", "970436", "0071001234567", 5000000},
    {"acc-tourist", "970422", "0987654321", 2000000},
    {"acc-parent", "970418", "12010000456789", 10000000},
};

struct MerchantSeed
{
    const char *id;
    const char *name;
    const char *category;
    const char *bin;
    const char *account;
    const char *status;
    const char *ownerId;
};

// One merchant per category, two market stalls and a closed café (server/README.md).
const MerchantSeed kMerchants[] = {
    {"m-mekeo", "Quán Bún bò Huế Mệ Kéo", "food", "970415", "107000123456", "open", "acc-merchant"},
    {"m-evncpc", "EVNCPC Huế (Công ty Điện lực Thừa Thiên Huế)", "electricity", "970436",
     "0161000123456", "open", nullptr},
    {"m-huewaco", "HUEWACO (Công ty CP Cấp nước Thừa Thiên Huế)", "water", "970418",
     "55010000123456", "open", nullptr},
    {"m-vnpt", "VNPT Thừa Thiên Huế", "telecom", "970405", "4000201012345", "open", nullptr},
    {"m-quochoc", "Trường THPT Quốc Học", "tuition", "970415", "113000456789", "open", nullptr},
    {"m-bvtw", "Bệnh viện Trung ương Huế", "hospital", "970436", "0161000654321", "open", nullptr},
    {"m-hcc", "Trung tâm Phục vụ hành chính công tỉnh Thừa Thiên Huế", "public_fee", "970405",
     "4000201067890", "open", nullptr},
    {"m-dainoi", "Đại Nội Huế (Trung tâm Bảo tồn Di tích Cố đô Huế)", "heritage", "970436",
     "0161000888999", "open", nullptr},
    {"m-bus", "Xe buýt Huế", "bus", "970422", "0901234567890", "open", nullptr},
    {"m-mailinh", "Mai Linh Huế", "taxi", "970407", "19036000123456", "open", nullptr},
    {"m-dongba-lan", "Chợ Đông Ba - sạp bà Lan (nón lá, vải)", "market", "970403", "060123456789",
     "open", "acc-trader"},
    {"m-dongba-tu", "Chợ Đông Ba - chè Bà Tư", "market", "970403", "060987654321", "open", nullptr},
    {"m-vyda", "Cà phê Vỹ Dạ (tạm nghỉ)", "food", "970432", "223344556", "closed", nullptr},
};

struct BillProviderSeed
{
    const char *id;
    const char *nameVi; // for providers this migration adds
    const char *nameEn;
    const char *kind;
    const char *merchantId;
    const char *labelVi;
    const char *labelEn;
    const char *example;
};

const BillProviderSeed kBillProviders[] = {
    {"pc-hue", nullptr, nullptr, "electricity", "m-evncpc", "Mã khách hàng", "Customer code",
     "PC05EE0012345"},
    {"huewaco", nullptr, nullptr, "water", "m-huewaco", "Mã danh bộ", "Customer number",
     "HW1234567"},
    {"vnpt-hue", nullptr, nullptr, "telecom", "m-vnpt", "Số thuê bao", "Subscriber number",
     "02343823456"},
    {"quochoc", "Trường THPT Quốc Học", "Quoc Hoc High School", "tuition", "m-quochoc",
     "Mã học sinh", "Student code", "QH10A1015"},
    {"bvtw-hue", "Bệnh viện Trung ương Huế", "Hue Central Hospital", "hospital", "m-bvtw",
     "Mã bệnh nhân", "Patient code", "BV24001234"},
    {"hcc-hue", "Trung tâm Phục vụ hành chính công tỉnh", "Provincial Public Administration Centre",
     "public_fee", "m-hcc", "Mã hồ sơ", "Application code", "HCC2025000123"},
};

struct BillSeed
{
    const char *id;
    const char *providerId;
    const char *customerCode;
    const char *customerName;
    int monthsAgo; // the period: a month this many months before the seeding (-1: a term)
    const char *descriptionVi;
    const char *descriptionEn;
    qint64 amount;
    int dueInDays; // from the seeding; negative: overdue
};

const BillSeed kBills[] = {
    {"bill-pc-1", "pc-hue", "PC05EE0012345", "Nguyễn Thị Hương", 2, "Tiền điện sinh hoạt",
     "Household electricity", 389200, -5},
    {"bill-pc-2", "pc-hue", "PC05EE0012345", "Nguyễn Thị Hương", 1, "Tiền điện sinh hoạt",
     "Household electricity", 412350, 10},
    {"bill-hw-1", "huewaco", "HW1234567", "Nguyễn Thị Hương", 1, "Tiền nước sinh hoạt",
     "Household water", 126500, 12},
    {"bill-vnpt-1", "vnpt-hue", "02343823456", "Nguyễn Thị Hương", 1,
     "Cước điện thoại cố định và Internet", "Landline and Internet", 220000, 8},
    {"bill-qh-1", "quochoc", "QH10A1015", "Phan Minh Khôi (lớp 10A1)", -1, "Học phí học kỳ I",
     "Tuition, first term", 1250000, 20},
    {"bill-qh-2", "quochoc", "QH10A1015", "Phan Minh Khôi (lớp 10A1)", -1, "Bảo hiểm y tế học sinh",
     "Student health insurance", 680400, 20},
    {"bill-bv-1", "bvtw-hue", "BV24001234", "Nguyễn Thị Hương", 0, "Viện phí khám ngoại trú",
     "Outpatient fees", 350000, 7},
    {"bill-hcc-1", "hcc-hue", "HCC2025000123", "Nguyễn Thị Hương", 0,
     "Lệ phí cấp giấy phép xây dựng nhà ở", "Fee for a house building permit", 75000, 15},
};

bool seedPayments(Database &db)
{
    using payments::Ledger;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const QDate today = QDate::currentDate();
    for (const WalletSeed &w : kWallets) {
        const QString ledger = Ledger::walletAccount(u8(w.accountId));
        QSqlQuery exists(db.connection());
        if (!db.exec(exists, QStringLiteral("SELECT 1 FROM ledger_accounts WHERE id = ?"),
                     {ledger}))
            return false;
        if (!exists.next()) {
            // Money enters the ledger from the funding account, so that it sums to zero.
            if (!Ledger::ensureAccount(db, ledger, QStringLiteral("wallet"), now) ||
                Ledger::post(
                    db,
                    {{QStringLiteral("seed-") + ledger, Ledger::fundingAccount(), -w.balance},
                     {QStringLiteral("seed-") + ledger, ledger, w.balance}},
                    now) != Ledger::Result::Ok)
                return false;
        }
        if (!db.exec(QStringLiteral("INSERT INTO wallets (account_id, ledger_account_id, "
                                    "linked_bin, linked_account, created_at) VALUES (?, ?, ?, ?, "
                                    "?) ON CONFLICT (account_id) DO UPDATE SET linked_bin = "
                                    "excluded.linked_bin, linked_account = "
                                    "excluded.linked_account"),
                     {u8(w.accountId), ledger, u8(w.bin), u8(w.account), now}))
            return false;
    }
    for (const MerchantSeed &m : kMerchants) {
        const QString ledger = Ledger::merchantAccount(u8(m.id));
        if (!Ledger::ensureAccount(db, ledger, QStringLiteral("merchant"), now) ||
            !db.exec(
                QStringLiteral("INSERT INTO merchants (id, name, category, bank_bin, "
                               "account, city, status, owner_id, ledger_account_id, "
                               "created_at) VALUES (?, ?, ?, ?, ?, 'Hue', ?, ?, ?, ?) ON "
                               "CONFLICT (id) DO UPDATE SET name = excluded.name, category "
                               "= excluded.category, bank_bin = excluded.bank_bin, account "
                               "= excluded.account, status = excluded.status, owner_id = "
                               "excluded.owner_id"),
                {u8(m.id), u8(m.name), u8(m.category), u8(m.bin), u8(m.account), u8(m.status),
                 m.ownerId ? QVariant(u8(m.ownerId)) : QVariant(QMetaType::fromType<QString>()),
                 ledger, now}))
            return false;
    }
    int order = 100;
    for (const BillProviderSeed &p : kBillProviders) {
        if (p.nameVi &&
            !db.exec(QStringLiteral("INSERT INTO bill_providers (id, name_vi, name_en, kind, "
                                    "sort_order) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO "
                                    "UPDATE SET name_vi = excluded.name_vi, name_en = "
                                    "excluded.name_en, kind = excluded.kind"),
                     {u8(p.id), u8(p.nameVi), u8(p.nameEn), u8(p.kind), order++}))
            return false;
        if (!db.exec(QStringLiteral("UPDATE bill_providers SET merchant_id = ?, code_label_vi = "
                                    "?, code_label_en = ?, code_example = ? WHERE id = ?"),
                     {u8(p.merchantId), u8(p.labelVi), u8(p.labelEn), u8(p.example), u8(p.id)}))
            return false;
    }
    // Bills are inserted once: later starts keep what was paid.
    for (const BillSeed &b : kBills) {
        if (!db.exec(QStringLiteral("INSERT INTO bill_customers (provider_id, customer_code, "
                                    "customer_name) VALUES (?, ?, ?) ON CONFLICT (provider_id, "
                                    "customer_code) DO UPDATE SET customer_name = "
                                    "excluded.customer_name"),
                     {u8(b.providerId), u8(b.customerCode), u8(b.customerName)}))
            return false;
        const QDate month = today.addMonths(-qMax(0, b.monthsAgo));
        const QString period =
            b.monthsAgo < 0 ? QStringLiteral("HK1 %1-%2").arg(today.year()).arg(today.year() + 1)
                            : QStringLiteral("%1/%2")
                                  .arg(month.month(), 2, 10, QLatin1Char('0'))
                                  .arg(month.year());
        if (!db.exec(QStringLiteral("INSERT INTO bills (id, provider_id, customer_code, period, "
                                    "description_vi, description_en, amount, due_date, status) "
                                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'unpaid') ON CONFLICT (id) "
                                    "DO NOTHING"),
                     {u8(b.id), u8(b.providerId), u8(b.customerCode), period, u8(b.descriptionVi),
                      u8(b.descriptionEn), b.amount,
                      today.addDays(b.dueInDays).toString(Qt::ISODate)}))
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
                         "description_vi, description_en, keywords, sort_order, group_vi, "
                         "group_en, notice_vi, notice_en, agency, sla_hours) VALUES (?, ?, ?, ?, "
                         "?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (service_code) DO UPDATE SET "
                         "name_vi = excluded.name_vi, name_en = excluded.name_en, description_vi "
                         "= excluded.description_vi, description_en = excluded.description_en, "
                         "keywords = excluded.keywords, sort_order = excluded.sort_order, "
                         "group_vi = excluded.group_vi, group_en = excluded.group_en, notice_vi "
                         "= excluded.notice_vi, notice_en = excluded.notice_en, agency = "
                         "excluded.agency, sla_hours = excluded.sla_hours"),
                     {u8(c.code), u8(c.nameVi), u8(c.nameEn), u8(c.descriptionVi),
                      u8(c.descriptionEn), u8(c.keywords), order++, u8(c.groupVi), u8(c.groupEn),
                      QStringLiteral("Trung tâm Giám sát, điều hành đô thị thông minh Huế (IOC) "
                                     "đã tiếp nhận phản ánh và chuyển đến %1. Thời gian xử lý "
                                     "dự kiến: %2 giờ.")
                          .arg(u8(c.agency))
                          .arg(c.slaHours),
                      QStringLiteral("The Huế Intelligent Operations Centre (IOC) has received "
                                     "the report and passed it to %1. Expected handling time: "
                                     "%2 hours.")
                          .arg(u8(c.agency))
                          .arg(c.slaHours),
                      u8(c.agency), c.slaHours}))
            return false;
    }
    order = 0;
    for (const AttributeSeed &a : kAttributes) {
        if (!db.exec(QStringLiteral(
                         "INSERT INTO report_attributes (service_code, code, datatype, required, "
                         "variable, description_vi, description_en, datatype_description_vi, "
                         "datatype_description_en, sort_order) VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, "
                         "?) ON CONFLICT (service_code, code) DO UPDATE SET datatype = "
                         "excluded.datatype, required = excluded.required, description_vi = "
                         "excluded.description_vi, description_en = excluded.description_en, "
                         "datatype_description_vi = excluded.datatype_description_vi, "
                         "datatype_description_en = excluded.datatype_description_en, "
                         "sort_order = excluded.sort_order"),
                     {u8(a.serviceCode), u8(a.code), u8(a.datatype), a.required ? 1 : 0,
                      u8(a.descriptionVi), u8(a.descriptionEn), u8(a.datatypeDescriptionVi),
                      u8(a.datatypeDescriptionEn), ++order}))
            return false;
    }
    order = 0;
    for (const ValueSeed &v : kValues) {
        if (!db.exec(QStringLiteral("INSERT INTO report_attribute_values (service_code, "
                                    "attribute_code, value_key, name_vi, name_en, sort_order) "
                                    "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (service_code, "
                                    "attribute_code, value_key) DO UPDATE SET name_vi = "
                                    "excluded.name_vi, name_en = excluded.name_en, sort_order = "
                                    "excluded.sort_order"),
                     {u8(v.serviceCode), u8(v.attributeCode), u8(v.key), u8(v.nameVi), u8(v.nameEn),
                      order++}))
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
    return seedRequests(db) && seedAlerts(db) && seedPayments(db);
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
