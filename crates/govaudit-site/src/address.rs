//! Which network addresses a crawler must not visit unless told to: loopback, private,
//! link-local, shared, unspecified and other non-public ranges (RFC 6890 special-purpose
//! registries), IPv4 inside IPv6 included, and the cloud metadata services, which a crawler
//! must never visit.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

/// What a crawler may do with an address, from most to least reachable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AddressCategory {
    /// A public Internet address.
    Public,
    /// Loopback, private, link-local, reserved and the like: only with private addresses allowed.
    NonPublic,
    /// A cloud instance metadata service (credentials live there): never, whatever is allowed.
    /// Every such address is also non-public.
    CloudMetadata,
}

/// The category of `ip`; the IPv4 address inside an IPv6 form that carries one decides for it.
pub fn categorize(ip: IpAddr) -> AddressCategory {
    if is_cloud_metadata(ip) {
        AddressCategory::CloudMetadata
    } else if is_non_public(ip) {
        AddressCategory::NonPublic
    } else {
        AddressCategory::Public
    }
}

/// Cloud instance metadata services, reachable from inside a cloud instance: fetching one on a
/// page's behalf can leak the instance's credentials (the classic SSRF target).
const CLOUD_METADATA_V4: [Ipv4Addr; 3] = [
    // AWS EC2, Google Cloud, Azure, OpenStack (Huawei Cloud), Oracle Cloud, DigitalOcean.
    Ipv4Addr::new(169, 254, 169, 254),
    // AWS ECS task metadata (v2) and container credentials.
    Ipv4Addr::new(169, 254, 170, 2),
    // Alibaba Cloud ECS.
    Ipv4Addr::new(100, 100, 100, 200),
];

/// AWS EC2's metadata service on its IPv6 (Nitro) endpoint.
const CLOUD_METADATA_V6: [Ipv6Addr; 1] = [Ipv6Addr::new(0xfd00, 0x0ec2, 0, 0, 0, 0, 0, 0x0254)];

/// Whether `ip` is a cloud instance metadata service, also when written as an IPv6 form that
/// carries the IPv4 address (`::ffff:169.254.169.254`, `64:ff9b::a9fe:a9fe`, ...).
pub fn is_cloud_metadata(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => CLOUD_METADATA_V4.contains(&v4),
        IpAddr::V6(v6) => {
            CLOUD_METADATA_V6.contains(&v6)
                || embedded_ipv4(v6).is_some_and(|v4| CLOUD_METADATA_V4.contains(&v4))
        }
    }
}

/// Whether `ip` is not a public Internet address.
pub fn is_non_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => is_non_public_v4(v4),
        IpAddr::V6(v6) => match embedded_ipv4(v6) {
            Some(v4) => is_non_public_v4(v4),
            None => is_non_public_v6(v6),
        },
    }
}

/// The IPv4 address an IPv6 address stands for or is translated to on its way, when it has one
/// of the forms that carry one:
///
/// - `::ffff:a.b.c.d`, IPv4-mapped (RFC 4291 §2.5.5.2);
/// - `::a.b.c.d`, IPv4-compatible (RFC 4291 §2.5.5.1, deprecated; `::` and `::1` excepted:
///   they are the IPv6 unspecified and loopback addresses);
/// - `::ffff:0:a.b.c.d`, IPv4-translated (RFC 2765 §2.1);
/// - `64:ff9b::a.b.c.d`, NAT64 with the well-known prefix (RFC 6052 §2.1);
/// - `2002:aabb:ccdd::/48`, 6to4, the IPv4 address `aa.bb.cc.dd` in bits 16–47 (RFC 3056 §2);
/// - `2001:0:s:s:f:p:c:c`, Teredo, whose client IPv4 address is the last 32 bits inverted
///   (RFC 4380 §4).
///
/// Any of them can lead a request to the IPv4 address (a host's dual stack, a NAT64 or 6to4
/// relay), so the IPv4 address decides whether the IPv6 one may be visited.
pub fn embedded_ipv4(v6: Ipv6Addr) -> Option<Ipv4Addr> {
    let s = v6.segments();
    let low = (u32::from(s[6]) << 16) | u32::from(s[7]);
    let last_32 = Ipv4Addr::from(low);
    match s {
        [0, 0, 0, 0, 0, 0xffff, _, _] | [0, 0, 0, 0, 0xffff, 0, _, _] => Some(last_32),
        [0, 0, 0, 0, 0, 0, 0, 0 | 1] => None,
        [0, 0, 0, 0, 0, 0, _, _] => Some(last_32),
        [0x0064, 0xff9b, 0, 0, 0, 0, _, _] => Some(last_32),
        [0x2002, hi, lo, ..] => Some(Ipv4Addr::from((u32::from(hi) << 16) | u32::from(lo))),
        [0x2001, 0, ..] => Some(Ipv4Addr::from(!low)),
        _ => None,
    }
}

fn is_non_public_v6(v6: Ipv6Addr) -> bool {
    let s = v6.segments();
    v6.is_loopback()
        || v6.is_unspecified()
        || v6.is_multicast()
        // fc00::/7 unique local, fe80::/10 link-local, fec0::/10 site-local (deprecated by
        // RFC 3879, still routed inside some networks).
        || (s[0] & 0xfe00) == 0xfc00
        || (s[0] & 0xffc0) == 0xfe80
        || (s[0] & 0xffc0) == 0xfec0
        // 2001:db8::/32 and 3fff::/20 documentation (RFC 3849, RFC 9637).
        || (s[0] == 0x2001 && s[1] == 0x0db8)
        || (s[0] & 0xfff0) == 0x3ff0
        // 100::/64 discard-only (RFC 6666).
        || (s[0] == 0x0100 && s[1] == 0 && s[2] == 0 && s[3] == 0)
        // 64:ff9b::/32 other than the well-known NAT64 /96 (handled by `embedded_ipv4`):
        // 64:ff9b:1::/48 is for local-use translation (RFC 8215), whose IPv4 address depends
        // on the network's own prefix, and the rest is unassigned.
        || (s[0] == 0x0064 && s[1] == 0xff9b)
}

fn is_non_public_v4(ip: Ipv4Addr) -> bool {
    let [a, b, c, _] = ip.octets();
    ip.is_loopback()
        || ip.is_private()
        || ip.is_link_local()
        || ip.is_unspecified()
        || ip.is_broadcast()
        || ip.is_documentation()
        || ip.is_multicast()
        || a == 0
        // 100.64.0.0/10 shared address space (carrier-grade NAT).
        || (a == 100 && (64..128).contains(&b))
        // 192.0.0.0/24 protocol assignments, 198.18.0.0/15 benchmarking, 240.0.0.0/4 reserved.
        || (a == 192 && b == 0 && c == 0)
        || (a == 198 && (b == 18 || b == 19))
        || a >= 240
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    #[test]
    fn ranges() {
        for private in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "0.0.0.0",
            "100.64.0.1",
            "::1",
            "::",
            "fd00::1",
            "fe80::1",
            "fec0::1",
            "2001:db8::1",
            "3fff::1",
            "100::1",
            "::ffff:127.0.0.1",
            "::ffff:10.0.0.1",
        ] {
            assert!(is_non_public(ip(private)), "{private}");
        }
        for public in [
            "8.8.8.8",
            "202.108.22.5",
            "2400:da00::6666",
            "::ffff:8.8.8.8",
        ] {
            assert!(!is_non_public(ip(public)), "{public}");
        }
    }

    #[test]
    fn ipv6_forms_carrying_a_private_ipv4_address_are_non_public() {
        for private in [
            // IPv4-compatible
            "::127.0.0.1",
            "::10.0.0.1",
            "::169.254.169.254",
            // IPv4-translated
            "::ffff:0:127.0.0.1",
            "::ffff:0:192.168.0.1",
            // 6to4: 2002:7f00:1:: carries 127.0.0.1, 2002:c0a8:101:: 192.168.1.1
            "2002:7f00:1::",
            "2002:c0a8:101::1",
            "2002:a00:1:1234::1",
            // NAT64, well-known prefix
            "64:ff9b::10.0.0.1",
            "64:ff9b::127.0.0.1",
            "64:ff9b::a9fe:a9fe",
            // NAT64 local-use prefix: the network decides what it translates to
            "64:ff9b:1::8.8.8.8",
            "64:ff9b:1:abcd::1",
            // Teredo with client 192.168.0.1 (stored inverted: 3f57:fffe)
            "2001:0:4136:e378:8000:63bf:3f57:fffe",
        ] {
            assert!(is_non_public(ip(private)), "{private}");
            assert_ne!(
                categorize(ip(private)),
                AddressCategory::Public,
                "{private}"
            );
        }
        for public in [
            "::8.8.8.8",
            "::ffff:0:8.8.8.8",
            "2002:808:808::1",
            "64:ff9b::8.8.8.8",
            "64:ff9b::ca6c:1605",
            // Teredo with client 8.8.8.8 (inverted: f7f7:f7f7)
            "2001:0:4136:e378:8000:63bf:f7f7:f7f7",
        ] {
            assert!(!is_non_public(ip(public)), "{public}");
            assert_eq!(categorize(ip(public)), AddressCategory::Public);
        }
    }

    #[test]
    fn embedded_ipv4_reads_each_form() {
        let v4 = |text: &str| embedded_ipv4(text.parse().unwrap());
        let expected = Some(Ipv4Addr::new(127, 0, 0, 1));
        assert_eq!(v4("::ffff:127.0.0.1"), expected);
        assert_eq!(v4("::127.0.0.1"), expected);
        assert_eq!(v4("::ffff:0:127.0.0.1"), expected);
        assert_eq!(v4("64:ff9b::127.0.0.1"), expected);
        assert_eq!(v4("2002:7f00:1::"), expected);
        assert_eq!(v4("2002:7f00:1:ffff:1:2:3:4"), expected);
        assert_eq!(v4("2001:0:1:2:3:4:80ff:fffe"), expected);
        // Not embedding forms: the IPv6 unspecified and loopback addresses, global unicast,
        // NAT64 local use, unique local.
        for none in [
            "::",
            "::1",
            "2400:da00::6666",
            "64:ff9b:1::7f00:1",
            "fd00::7f00:1",
        ] {
            assert_eq!(v4(none), None, "{none}");
        }
    }

    #[test]
    fn cloud_metadata_addresses_are_their_own_category() {
        for metadata in [
            "169.254.169.254",
            "169.254.170.2",
            "100.100.100.200",
            "fd00:ec2::254",
            "::ffff:169.254.169.254",
            "::169.254.169.254",
            "64:ff9b::169.254.169.254",
            "64:ff9b::100.100.100.200",
            "2002:a9fe:a9fe::",
        ] {
            assert!(is_cloud_metadata(ip(metadata)), "{metadata}");
            assert!(is_non_public(ip(metadata)), "{metadata}");
            assert_eq!(categorize(ip(metadata)), AddressCategory::CloudMetadata);
        }
        for other in [
            "169.254.169.253",
            "127.0.0.1",
            "8.8.8.8",
            "fd00:ec2::253",
            "fd00::254",
        ] {
            assert!(!is_cloud_metadata(ip(other)), "{other}");
        }
        assert_eq!(categorize(ip("10.0.0.1")), AddressCategory::NonPublic);
        assert_eq!(categorize(ip("1.1.1.1")), AddressCategory::Public);
    }

    /// Every IPv6 form that carries an IPv4 address, built from it.
    fn carrying_forms(v4: Ipv4Addr) -> Vec<Ipv6Addr> {
        let bits = u32::from(v4);
        let [hi, lo] = [(bits >> 16) as u16, bits as u16];
        let [not_hi, not_lo] = [(!bits >> 16) as u16, !bits as u16];
        let mut forms = vec![
            v4.to_ipv6_mapped(),
            Ipv6Addr::new(0, 0, 0, 0, 0xffff, 0, hi, lo),
            Ipv6Addr::new(0x64, 0xff9b, 0, 0, 0, 0, hi, lo),
            Ipv6Addr::new(0x2002, hi, lo, 0, 0, 0, 0, 1),
            Ipv6Addr::new(0x2002, hi, lo, 0xffff, 1, 2, 3, 4),
            Ipv6Addr::new(0x2001, 0, 0x4136, 0xe378, 0x8000, 0x63bf, not_hi, not_lo),
        ];
        // `::` and `::1` are IPv6's own unspecified and loopback addresses, not 0.0.0.0/0.0.0.1.
        if bits > 1 {
            forms.push(v4.to_ipv6_compatible());
        }
        forms
    }

    proptest! {
        #[test]
        fn carrying_forms_classify_as_their_ipv4_address(bits in any::<u32>()) {
            let v4 = Ipv4Addr::from(bits);
            for v6 in carrying_forms(v4) {
                prop_assert_eq!(embedded_ipv4(v6), Some(v4), "{}", v6);
                prop_assert_eq!(is_non_public(IpAddr::V6(v6)), is_non_public(IpAddr::V4(v4)), "{}", v6);
                prop_assert_eq!(is_cloud_metadata(IpAddr::V6(v6)), is_cloud_metadata(IpAddr::V4(v4)), "{}", v6);
                prop_assert_eq!(categorize(IpAddr::V6(v6)), categorize(IpAddr::V4(v4)), "{}", v6);
            }
        }

        #[test]
        fn special_ipv4_addresses_in_every_form(
            v4 in prop_oneof![
                Just(Ipv4Addr::new(169, 254, 169, 254)),
                Just(Ipv4Addr::new(100, 100, 100, 200)),
                (any::<u8>(), any::<u8>(), any::<u8>()).prop_map(|(b, c, d)| Ipv4Addr::new(127, b, c, d)),
                (any::<u8>(), any::<u8>(), any::<u8>()).prop_map(|(b, c, d)| Ipv4Addr::new(10, b, c, d)),
                (any::<u8>(), any::<u8>()).prop_map(|(c, d)| Ipv4Addr::new(192, 168, c, d)),
            ]
        ) {
            for v6 in carrying_forms(v4) {
                prop_assert!(is_non_public(IpAddr::V6(v6)), "{}", v6);
                prop_assert_eq!(categorize(IpAddr::V6(v6)), categorize(IpAddr::V4(v4)), "{}", v6);
            }
        }

    }
}

/// Which non-public addresses a client may connect to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AddressPolicy {
    /// Every non-public address except the cloud metadata services (a library's own loopback
    /// tests, `--allow-private` in programs that want the old meaning).
    pub any_private: bool,
    /// These networks even when non-public, metadata services included (`--allow-address`,
    /// and the start URL's own address under `--allow-private`).
    pub allowed: Vec<ipnet::IpNet>,
}

impl AddressPolicy {
    /// Whether a connection to `ip` may be made: public addresses always; a listed network
    /// always; other non-public addresses only with `any_private`, and cloud metadata services
    /// never unless listed.
    pub fn allows(&self, ip: IpAddr) -> bool {
        if !is_non_public(ip) {
            return true;
        }
        if self.allowed.iter().any(|net| net.contains(&ip)) {
            return true;
        }
        self.any_private && !is_cloud_metadata(ip)
    }
}

#[cfg(test)]
mod policy_tests {
    use super::*;

    #[test]
    fn listed_networks_only_and_metadata_never_by_default() {
        let loopback: IpAddr = "127.0.0.1".parse().unwrap();
        let other: IpAddr = "127.0.0.2".parse().unwrap();
        let metadata: IpAddr = "169.254.169.254".parse().unwrap();
        let public: IpAddr = "8.8.8.8".parse().unwrap();
        let start_only = AddressPolicy {
            any_private: false,
            allowed: vec!["127.0.0.1/32".parse().unwrap()],
        };
        assert!(start_only.allows(loopback) && start_only.allows(public));
        assert!(!start_only.allows(other) && !start_only.allows(metadata));
        let any = AddressPolicy {
            any_private: true,
            allowed: Vec::new(),
        };
        assert!(any.allows(other));
        assert!(!any.allows(metadata), "metadata services need to be listed");
        let listed = AddressPolicy {
            any_private: false,
            allowed: vec!["169.254.169.254/32".parse().unwrap()],
        };
        assert!(listed.allows(metadata));
        assert!(!AddressPolicy::default().allows(loopback));
    }
}
