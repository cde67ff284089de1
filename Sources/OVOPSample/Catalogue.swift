import OVOPCore

/// A product a district is known for (SPEC notes: domain.md, "Leading products by district").
struct ProductSpec: Sendable {
    var name: String
    var category: Category
    var unit: String
    /// Typical price per unit in rupiah.
    var price: Int64
    /// Typical units sold per month by one cooperative.
    var volume: Int
    var certifications: [Certification]
}

/// Kaltim's leading products per district, from the domain notes' table.
enum Catalogue {
    static let products: [String: [ProductSpec]] = [
        "64.01": [  // Paser
            ProductSpec(name: "Anyaman Purun", category: .kerajinan, unit: "pcs", price: 45_000, volume: 120, certifications: [.hki]),
            ProductSpec(name: "Sambal Takalato", category: .pangan, unit: "botol", price: 25_000, volume: 300, certifications: [.pirt, .halal]),
            ProductSpec(name: "Kerupuk Udang", category: .pangan, unit: "bungkus", price: 15_000, volume: 500, certifications: [.pirt]),
            ProductSpec(name: "Abon Udang", category: .pangan, unit: "bungkus", price: 35_000, volume: 200, certifications: [.pirt, .halal]),
            ProductSpec(name: "Batik Paser", category: .sandang, unit: "lembar", price: 250_000, volume: 40, certifications: [.hki]),
            ProductSpec(name: "Briket Tempurung", category: .lainnya, unit: "kg", price: 12_000, volume: 800, certifications: []),
        ],
        "64.02": [  // Kutai Kartanegara
            ProductSpec(name: "Lada Putih Malonan", category: .pangan, unit: "kg", price: 120_000, volume: 150, certifications: [.hki]),
            ProductSpec(name: "Madu Kelulut", category: .herbal, unit: "botol", price: 150_000, volume: 120, certifications: [.pirt, .halal]),
            ProductSpec(name: "Ulap Doyo", category: .sandang, unit: "lembar", price: 400_000, volume: 25, certifications: [.hki]),
            ProductSpec(name: "Tas Ajut Sulam Tumpar", category: .kerajinan, unit: "pcs", price: 200_000, volume: 60, certifications: []),
            ProductSpec(name: "Gula Aren", category: .pangan, unit: "kg", price: 30_000, volume: 400, certifications: [.pirt]),
        ],
        "64.03": [  // Berau
            ProductSpec(name: "Terasi Berau", category: .pangan, unit: "kg", price: 60_000, volume: 350, certifications: [.pirt, .halal]),
            ProductSpec(name: "Ikan Kering", category: .pangan, unit: "kg", price: 80_000, volume: 250, certifications: [.pirt]),
            ProductSpec(name: "Abon Ikan", category: .pangan, unit: "bungkus", price: 40_000, volume: 200, certifications: [.pirt, .halal]),
            ProductSpec(name: "Cokelat Berau", category: .pangan, unit: "bungkus", price: 30_000, volume: 300, certifications: [.bpom, .halal]),
            ProductSpec(name: "Tenun Berau", category: .sandang, unit: "lembar", price: 350_000, volume: 20, certifications: [.hki]),
        ],
        "64.07": [  // Kutai Barat
            ProductSpec(name: "Ulap Doyo Tanjung Isuy", category: .sandang, unit: "lembar", price: 450_000, volume: 20, certifications: [.hki]),
            ProductSpec(name: "Tas Manik-manik", category: .kerajinan, unit: "pcs", price: 150_000, volume: 60, certifications: []),
            ProductSpec(name: "Anyaman Rotan", category: .kerajinan, unit: "pcs", price: 85_000, volume: 100, certifications: []),
            ProductSpec(name: "Gula Semut Aren", category: .pangan, unit: "kg", price: 45_000, volume: 200, certifications: [.pirt, .halal]),
            ProductSpec(name: "Kerupuk Ikan Belida", category: .pangan, unit: "bungkus", price: 20_000, volume: 300, certifications: [.pirt]),
        ],
        "64.08": [  // Kutai Timur
            ProductSpec(name: "Amplang Batubara", category: .pangan, unit: "bungkus", price: 25_000, volume: 500, certifications: [.pirt, .halal]),
            ProductSpec(name: "Tas Kulit Kayu Tarap", category: .kerajinan, unit: "pcs", price: 120_000, volume: 50, certifications: [.hki]),
            ProductSpec(name: "Manik-manik Dayak", category: .kerajinan, unit: "pcs", price: 50_000, volume: 150, certifications: []),
            ProductSpec(name: "Gula Aren", category: .pangan, unit: "kg", price: 30_000, volume: 450, certifications: [.pirt]),
            ProductSpec(name: "Keripik Pisang", category: .pangan, unit: "bungkus", price: 18_000, volume: 600, certifications: [.pirt, .halal]),
            ProductSpec(name: "Kopi Mangrove", category: .pangan, unit: "bungkus", price: 55_000, volume: 120, certifications: [.pirt]),
        ],
        "64.09": [  // Penajam Paser Utara
            ProductSpec(name: "Amplang Bandeng", category: .pangan, unit: "kg", price: 110_000, volume: 150, certifications: [.pirt, .halal]),
            ProductSpec(name: "Batik PPU", category: .sandang, unit: "lembar", price: 225_000, volume: 45, certifications: [.hki]),
            ProductSpec(name: "Kerajinan Rotan Sepan", category: .kerajinan, unit: "pcs", price: 95_000, volume: 80, certifications: []),
            ProductSpec(name: "Gula Merah Kelapa", category: .pangan, unit: "kg", price: 25_000, volume: 400, certifications: [.pirt]),
        ],
        "64.11": [  // Mahakam Ulu
            ProductSpec(name: "Anjat Rotan", category: .kerajinan, unit: "pcs", price: 175_000, volume: 30, certifications: []),
            ProductSpec(name: "Seraung", category: .kerajinan, unit: "pcs", price: 90_000, volume: 40, certifications: []),
            ProductSpec(name: "Manik-manik Inu", category: .kerajinan, unit: "biji", price: 3_000, volume: 1_500, certifications: []),
            ProductSpec(name: "Sulam Laq", category: .sandang, unit: "lembar", price: 500_000, volume: 12, certifications: [.hki]),
        ],
        "64.71": [  // Balikpapan
            ProductSpec(name: "Batik Balikpapan", category: .sandang, unit: "lembar", price: 275_000, volume: 60, certifications: [.hki]),
            ProductSpec(name: "Sirup Buah Naga", category: .pangan, unit: "botol", price: 35_000, volume: 300, certifications: [.pirt, .halal]),
            ProductSpec(name: "Madu Kelulut", category: .herbal, unit: "botol", price: 160_000, volume: 100, certifications: [.pirt, .halal, .bpom]),
            ProductSpec(name: "Amplang", category: .pangan, unit: "bungkus", price: 25_000, volume: 500, certifications: [.pirt, .halal]),
        ],
        "64.72": [  // Samarinda
            ProductSpec(name: "Sarung Tenun Samarinda", category: .sandang, unit: "lembar", price: 450_000, volume: 90, certifications: [.hki]),
            ProductSpec(name: "Amplang", category: .pangan, unit: "bungkus", price: 30_000, volume: 700, certifications: [.pirt, .halal]),
            ProductSpec(name: "Manik-manik Dayak", category: .kerajinan, unit: "pcs", price: 60_000, volume: 150, certifications: []),
            ProductSpec(name: "Kerupuk Ikan", category: .pangan, unit: "bungkus", price: 20_000, volume: 400, certifications: [.pirt]),
            ProductSpec(name: "Jamu Kunyit Asam", category: .herbal, unit: "botol", price: 15_000, volume: 600, certifications: [.pirt, .bpom]),
        ],
        "64.74": [  // Bontang
            ProductSpec(name: "Batik Bontang", category: .sandang, unit: "lembar", price: 200_000, volume: 50, certifications: [.hki]),
            ProductSpec(name: "Keripik Bawis", category: .pangan, unit: "bungkus", price: 20_000, volume: 400, certifications: [.pirt, .halal]),
            ProductSpec(name: "Stik Rumput Laut", category: .pangan, unit: "bungkus", price: 15_000, volume: 500, certifications: [.pirt]),
            ProductSpec(name: "Terasi Bontang Kuala", category: .pangan, unit: "kg", price: 55_000, volume: 200, certifications: [.pirt]),
        ],
    ]

    static let nameWords = ["Sejahtera", "Makmur", "Bersama", "Mandiri", "Sentosa", "Harapan", "Karya", "Bina",
                            "Usaha", "Tani", "Nelayan", "Perempuan", "Maju", "Lestari", "Rukun", "Sinar", "Jaya",
                            "Abadi", "Mulia", "Berkah", "Serumpun", "Benua", "Etam", "Borneo"]
    static let kinds = ["Koperasi", "Koperasi Produsen", "KUD", "Koperasi Serba Usaha", "Koperasi Wanita"]

    /// Relative weight of each district's cooperatives (cities and big kabupaten report more).
    static let weight: [String: Int] = [
        "64.01": 8, "64.02": 16, "64.03": 9, "64.07": 7, "64.08": 10, "64.09": 6, "64.11": 3,
        "64.71": 12, "64.72": 18, "64.74": 6,
    ]
}
