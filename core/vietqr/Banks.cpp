#include "Banks.h"

#include <algorithm>

namespace vietqr {

namespace {

struct Row
{
    const char *bin;
    const char *code;
    const char *shortName;
    const char *name; // UTF-8
    const char *colour;
};

// Source: the VietQR bank list (api.vietqr.io/v2/banks, as copied into public repositories),
// cross-checked against NAPAS BIN tables in other public code; see tests/core/vietqr/data/
// README.md. 970406 was DongA Bank until it became Vikki Bank (2025).
constexpr Row kRows[] = {
    {"970425", "ABB", "ABBANK", "Ngân hàng TMCP An Bình", "#00A651"},
    {"970416", "ACB", "ACB", "Ngân hàng TMCP Á Châu", "#1F4E9D"},
    {"970405", "VBA", "Agribank", "Ngân hàng Nông nghiệp và Phát triển Nông thôn Việt Nam",
     "#AE1C3F"},
    {"970409", "BAB", "BacABank", "Ngân hàng TMCP Bắc Á", "#00599C"},
    {"970438", "BVB", "BaoVietBank", "Ngân hàng TMCP Bảo Việt", "#0067AC"},
    {"970418", "BIDV", "BIDV", "Ngân hàng TMCP Đầu tư và Phát triển Việt Nam", "#00677F"},
    {"546034", "CAKE", "CAKE", "TMCP Việt Nam Thịnh Vượng - Ngân hàng số CAKE by VPBank",
     "#E6007E"},
    {"970444", "CBB", "CBBank", "Ngân hàng Thương mại TNHH MTV Xây dựng Việt Nam", "#00548C"},
    {"422589", "CIMB", "CIMB", "Ngân hàng TNHH MTV CIMB Việt Nam", "#EC1C24"},
    {"533948", "CITIBANK", "Citibank", "Ngân hàng Citibank, N.A. - Chi nhánh Hà Nội", "#056DAE"},
    {"970446", "COOPBANK", "COOPBANK", "Ngân hàng Hợp tác xã Việt Nam", "#00A0E3"},
    {"796500", "DBS", "DBSBank", "DBS Bank Ltd - Chi nhánh Thành phố Hồ Chí Minh", "#E21A23"},
    {"970431", "EIB", "Eximbank", "Ngân hàng TMCP Xuất Nhập khẩu Việt Nam", "#0066B3"},
    {"970408", "GPB", "GPBank", "Ngân hàng Thương mại TNHH MTV Dầu Khí Toàn Cầu", "#005BAA"},
    {"970437", "HDB", "HDBank", "Ngân hàng TMCP Phát triển Thành phố Hồ Chí Minh", "#E30613"},
    {"970442", "HLBVN", "HongLeong", "Ngân hàng TNHH MTV Hong Leong Việt Nam", "#00387B"},
    {"458761", "HSBC", "HSBC", "Ngân hàng TNHH MTV HSBC (Việt Nam)", "#DB0011"},
    {"970456", "IBK - HCM", "IBKHCM", "Ngân hàng Công nghiệp Hàn Quốc - Chi nhánh TP. Hồ Chí Minh",
     "#004EA2"},
    {"970455", "IBK - HN", "IBKHN", "Ngân hàng Công nghiệp Hàn Quốc - Chi nhánh Hà Nội", "#004EA2"},
    {"970434", "IVB", "IndovinaBank", "Ngân hàng TNHH Indovina", "#0A4DA2"},
    {"668888", "KBank", "KBank", "Ngân hàng Đại chúng TNHH Kasikornbank", "#00A950"},
    {"970466", "KEBHANAHCM", "KEBHanaHCM", "Ngân hàng KEB Hana – Chi nhánh Thành phố Hồ Chí Minh",
     "#009591"},
    {"970467", "KEBHANAHN", "KEBHANAHN", "Ngân hàng KEB Hana – Chi nhánh Hà Nội", "#009591"},
    {"970452", "KLB", "KienLongBank", "Ngân hàng TMCP Kiên Long", "#00529C"},
    {"970463", "KBHCM", "KookminHCM", "Ngân hàng Kookmin - Chi nhánh Thành phố Hồ Chí Minh",
     "#FFBC00"},
    {"970462", "KBHN", "KookminHN", "Ngân hàng Kookmin - Chi nhánh Hà Nội", "#FFBC00"},
    {"970449", "LPB", "LPBank", "Ngân hàng TMCP Lộc Phát Việt Nam", "#F37021"},
    {"977777", "MAFC", "MAFC", "Công ty Tài chính TNHH MTV Mirae Asset (Việt Nam)", "#F58220"},
    {"970422", "MB", "MBBank", "Ngân hàng TMCP Quân đội", "#141ED2"},
    {"970414", "MBV", "MBV", "Ngân hàng TNHH MTV Việt Nam Hiện Đại", "#1E3A8A"},
    {"971025", "momo", "MoMo", "CTCP Dịch Vụ Di Động Trực Tuyến", "#A50064"},
    {"970426", "MSB", "MSB", "Ngân hàng TMCP Hàng Hải Việt Nam", "#ED1C24"},
    {"970428", "NAB", "NamABank", "Ngân hàng TMCP Nam Á", "#00529C"},
    {"970419", "NCB", "NCB", "Ngân hàng TMCP Quốc Dân", "#005AAB"},
    {"801011", "NHB HN", "Nonghyup", "Ngân hàng Nonghyup - Chi nhánh Hà Nội", "#0B8A3E"},
    {"970448", "OCB", "OCB", "Ngân hàng TMCP Phương Đông", "#008C44"},
    {"970430", "PGB", "PGBank", "Ngân hàng TMCP Thịnh vượng và Phát triển", "#0060AF"},
    {"970439", "PBVN", "PublicBank", "Ngân hàng TNHH MTV Public Việt Nam", "#E31837"},
    {"970412", "PVCB", "PVcomBank", "Ngân hàng TMCP Đại Chúng Việt Nam", "#0068B3"},
    {"971133", "PVDB", "PVcomBank Pay", "Ngân hàng TMCP Đại Chúng Việt Nam Ngân hàng số",
     "#0068B3"},
    {"970403", "STB", "Sacombank", "Ngân hàng TMCP Sài Gòn Thương Tín", "#0066B3"},
    {"970400", "SGICB", "SaigonBank", "Ngân hàng TMCP Sài Gòn Công Thương", "#0054A6"},
    {"970429", "SCB", "SCB", "Ngân hàng TMCP Sài Gòn", "#0E4D92"},
    {"970440", "SEAB", "SeABank", "Ngân hàng TMCP Đông Nam Á", "#E2231A"},
    {"970443", "SHB", "SHB", "Ngân hàng TMCP Sài Gòn - Hà Nội", "#F58220"},
    {"970424", "SHBVN", "ShinhanBank", "Ngân hàng TNHH MTV Shinhan Việt Nam", "#0046FF"},
    {"970410", "SCVN", "StandardChartered", "Ngân hàng TNHH MTV Standard Chartered Bank Việt Nam",
     "#0473EA"},
    {"970407", "TCB", "Techcombank", "Ngân hàng TMCP Kỹ thương Việt Nam", "#E31E26"},
    {"963388", "TIMO", "Timo", "Ngân hàng số Timo by Ban Viet Bank (Timo by Ban Viet Bank)",
     "#2D2A6E"},
    {"970423", "TPB", "TPBank", "Ngân hàng TMCP Tiên Phong", "#5E2E86"},
    {"546035", "Ubank", "Ubank", "TMCP Việt Nam Thịnh Vượng - Ngân hàng số Ubank by VPBank",
     "#00B14F"},
    {"970458", "UOB", "UnitedOverseas", "Ngân hàng United Overseas - Chi nhánh TP. Hồ Chí Minh",
     "#005EB8"},
    {"999888", "VBSP", "VBSP", "Ngân hàng Chính sách Xã hội", "#005BAA"},
    {"970441", "VIB", "VIB", "Ngân hàng TMCP Quốc tế Việt Nam", "#0066B3"},
    {"970427", "VAB", "VietABank", "Ngân hàng TMCP Việt Á", "#005BAC"},
    {"970433", "VIETBANK", "VietBank", "Ngân hàng TMCP Việt Nam Thương Tín", "#0A5EB0"},
    {"970454", "VCCB", "VietCapitalBank", "Ngân hàng TMCP Bản Việt", "#F26F21"},
    {"970436", "VCB", "Vietcombank", "Ngân hàng TMCP Ngoại Thương Việt Nam", "#007B40"},
    {"970415", "ICB", "VietinBank", "Ngân hàng TMCP Công thương Việt Nam", "#005993"},
    {"971005", "VTLMONEY", "ViettelMoney",
     "Tổng Công ty Dịch vụ số Viettel - Chi nhánh tập đoàn công nghiệp viễn thông Quân Đội",
     "#EE0033"},
    {"970406", "Vikki", "Vikki", "Ngân hàng TNHH MTV Số Vikki", "#E30613"},
    {"971011", "VNPTMONEY", "VNPTMoney", "VNPT Money", "#0066B3"},
    {"970432", "VPB", "VPBank", "Ngân hàng TMCP Việt Nam Thịnh Vượng", "#00B14F"},
    {"970421", "VRB", "VRB", "Ngân hàng Liên doanh Việt - Nga", "#004B8D"},
    {"970457", "WVN", "Woori", "Ngân hàng TNHH MTV Woori Việt Nam", "#0067AC"},
};

QList<Bank> build()
{
    QList<Bank> list;
    list.reserve(qsizetype(std::size(kRows)));
    for (const Row &row : kRows) {
        list.append(Bank{QString::fromLatin1(row.bin), QString::fromUtf8(row.code),
                         QString::fromUtf8(row.shortName), QString::fromUtf8(row.name),
                         QString::fromLatin1(row.colour)});
    }
    std::sort(list.begin(), list.end(), [](const Bank &a, const Bank &b) {
        return a.shortName.compare(b.shortName, Qt::CaseInsensitive) < 0;
    });
    return list;
}

} // namespace

const QList<Bank> &banks()
{
    static const QList<Bank> list = build();
    return list;
}

const Bank *findBank(QStringView bin)
{
    for (const Bank &bank : banks()) {
        if (bank.bin == bin)
            return &bank;
    }
    return nullptr;
}

} // namespace vietqr
