"""The join address: the machine's usable addresses, and the likeliest for the QR codes."""

import pytest

from app import addresses
from app.addresses import Interface
from app.errors import SamlaError

LOOPBACK = Interface("lo", True, ("127.0.0.1",))


def test_only_interfaces_that_are_up_with_a_reachable_ipv4_address_count():
    interfaces = [
        LOOPBACK,
        Interface("eth0", False, ("192.168.1.20",)),  # cable out
        Interface("wlan0", True, ("169.254.10.3", "fe80::1", "10.0.0.7")),
        Interface("weird", True, ("not an address",)),
    ]
    assert addresses.usable(interfaces) == [{"address": "10.0.0.7", "interface": "wlan0"}]


def test_the_default_routes_address_wins():
    interfaces = [
        Interface("eth0", True, ("192.168.1.20",)),
        Interface("wlan0", True, ("10.20.30.40",)),
    ]
    assert addresses.likeliest(interfaces, route_address="10.20.30.40") == "10.20.30.40"


def test_a_vpn_never_wins_over_the_venue_network_even_with_the_default_route():
    interfaces = [
        LOOPBACK,
        Interface("utun3", True, ("10.8.0.5",)),  # macOS VPN, holding the default route
        Interface("en0", True, ("192.168.50.12",)),  # the venue's Wi-Fi
    ]
    assert addresses.likeliest(interfaces, route_address="10.8.0.5") == "192.168.50.12"


@pytest.mark.parametrize(
    "name, address",
    [
        ("tun0", "10.8.0.2"),
        ("wg0", "10.66.66.2"),
        ("tailscale0", "100.101.102.103"),
        ("Ethernet 3", "100.64.1.1"),  # a VPN adapter with a neutral name, in shared space
        ("docker0", "172.17.0.1"),
        ("vEthernet (WSL)", "172.28.32.1"),
        ("VirtualBox Host-Only Network", "192.168.56.1"),
        ("Cisco AnyConnect", "10.1.2.3"),
    ],
)
def test_vpns_virtual_machines_and_containers_come_last(name, address):
    interfaces = [Interface(name, True, (address,)), Interface("Wi-Fi", True, ("10.0.5.9",))]
    assert addresses.likeliest(interfaces) == "10.0.5.9"
    assert [a["address"] for a in addresses.ranked(addresses.usable(interfaces))] == [
        "10.0.5.9",
        address,
    ]


def test_the_laptops_own_hotspot_without_a_gateway_is_found():
    # Windows' mobile hotspot: no default route, the Wi-Fi adapter itself not connected.
    interfaces = [
        Interface("Loopback Pseudo-Interface 1", True, ("127.0.0.1",)),
        Interface("Wi-Fi", False, ("169.254.3.3",)),
        Interface("Local Area Connection* 10", True, ("192.168.137.1",)),
    ]
    assert addresses.likeliest(interfaces, route_address=None) == "192.168.137.1"


def test_a_private_address_wins_over_a_public_one():
    interfaces = [
        Interface("eth1", True, ("158.36.1.10",)),
        Interface("eth0", True, ("192.168.0.10",)),
    ]
    assert addresses.likeliest(interfaces) == "192.168.0.10"


def test_with_no_usable_address_the_choice_is_loopback():
    assert addresses.likeliest([LOOPBACK, Interface("en0", False, ("10.0.0.2",))]) == "127.0.0.1"
    assert addresses.likeliest([]) == "127.0.0.1"


@pytest.mark.parametrize(
    "url, loopback",
    [
        ("http://127.0.0.1:5000", True),
        ("http://localhost:5000", True),
        ("http://127.1.2.3", True),
        ("http://[::1]:5000", True),
        ("http://192.168.1.20:5000", False),
        ("https://samla.example", False),
    ],
)
def test_a_loopback_url_is_recognised(url, loopback):
    assert addresses.is_loopback_url(url) is loopback


def test_only_a_listed_address_or_loopback_can_be_chosen():
    found = [{"address": "10.0.0.7", "interface": "wlan0"}]
    assert addresses.choose(found, "10.0.0.7") == "10.0.0.7"
    assert addresses.choose(found, "127.0.0.1") == "127.0.0.1"
    for wrong in ("10.0.0.8", "evil.example", None, 7):
        with pytest.raises(SamlaError) as refused:
            addresses.choose(found, wrong)
        assert refused.value.code == "unknown_address"


def test_this_machines_interfaces_are_read():
    found = addresses.machine_interfaces()
    assert all(isinstance(i.name, str) and isinstance(i.up, bool) for i in found)
    assert any("127.0.0.1" in i.addresses for i in found)
