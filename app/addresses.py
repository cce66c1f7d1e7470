"""The machine's addresses a phone could reach, and the likeliest of them for the QR codes.

An interface counts when it is up and has an IPv4 address that is neither loopback nor
link-local (169.254/16, what a machine gives itself when no one hands out addresses).
The likeliest is the one the default route leaves by, unless that is a VPN or a virtual
machine's bridge; else a private network's address (a venue's Wi-Fi, the laptop's own
hotspot); VPN and virtual interfaces come last. Phones join by IPv4: an IPv6 address in a
QR code is long, and a hotspot's phones may not route it.
"""

import ipaddress
import socket
from dataclasses import dataclass

from app.errors import SamlaError

LOOPBACK = "127.0.0.1"
# Names VPN clients, virtual machines and containers give their interfaces, on Linux,
# macOS and Windows. Phones in the hall cannot reach any of them.
VIRTUAL_NAMES = (
    "tun",
    "tap",
    "wg",
    "utun",
    "ppp",
    "ipsec",
    "vpn",
    "tailscale",
    "zt",
    "docker",
    "br-",
    "veth",
    "virbr",
    "vmnet",
    "vboxnet",
    "virtualbox",
    "vmware",
    "vethernet",
    "hyper-v",
    "wsl",
    "cisco",
    "anyconnect",
    "fortinet",
    "forticlient",
    "openvpn",
    "wireguard",
)
# Carrier-grade NAT space, where Tailscale and some VPNs put their addresses.
SHARED_SPACE = ipaddress.ip_network("100.64.0.0/10")


@dataclass(frozen=True)
class Interface:
    """One network interface as the machine reports it."""

    name: str
    up: bool
    addresses: tuple[str, ...]


def usable(interfaces):
    """[{address, interface}] a phone on the same network could reach, in the given order."""
    found = []
    for interface in interfaces:
        if not interface.up:
            continue
        for text in interface.addresses:
            try:
                address = ipaddress.ip_address(text)
            except ValueError:
                continue
            if address.version != 4 or address.is_loopback or address.is_link_local:
                continue
            if address.is_unspecified or address.is_multicast:
                continue
            found.append({"address": text, "interface": interface.name})
    return found


def is_virtual(interface_name, address):
    """True for a VPN's, a virtual machine's or a container's interface."""
    name = interface_name.lower()
    return any(part in name for part in VIRTUAL_NAMES) or (
        ipaddress.ip_address(address) in SHARED_SPACE
    )


def ranked(found, route_address=None):
    """`found` likeliest first (see the module's docstring); the order is otherwise kept."""

    def rank(item):
        if is_virtual(item["interface"], item["address"]):
            return 3
        if item["address"] == route_address:
            return 0
        return 1 if ipaddress.ip_address(item["address"]).is_private else 2

    return sorted(found, key=rank)


def likeliest(interfaces, route_address=None):
    """The address to put in the QR codes, or 127.0.0.1 when no phone could reach any."""
    found = ranked(usable(interfaces), route_address)
    return found[0]["address"] if found else LOOPBACK


def machine_interfaces():
    """This machine's interfaces, through psutil (the same call on Windows, macOS, Linux)."""
    import psutil

    stats = psutil.net_if_stats()
    return [
        Interface(
            name=name,
            up=name in stats and stats[name].isup,
            addresses=tuple(a.address for a in entries if a.family == socket.AF_INET),
        )
        for name, entries in psutil.net_if_addrs().items()
    ]


def route_address():
    """The local address of the default route, or None without one.

    Connecting a UDP socket sends nothing; it only asks the kernel which local address
    would be used for an outside route.
    """
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("192.0.2.1", 9))
        return probe.getsockname()[0]
    except OSError:
        return None
    finally:
        probe.close()


def scan():
    """This machine's usable addresses now, likeliest first."""
    return ranked(usable(machine_interfaces()), route_address())


def is_loopback_url(url):
    """True when `url`'s host is this machine only (no phone can follow it)."""
    host = url.split("://", 1)[-1].split("/", 1)[0].rsplit(":", 1)[0].strip("[]")
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def choose(found, address):
    """`address` if it is one of `found` or loopback (to show on this machine only)."""
    if address == LOOPBACK or any(item["address"] == address for item in found):
        return address
    raise SamlaError("unknown_address", address=address)


def describe(found, public_url, fixed):
    """What the console shows: the join address, whether it is fixed, and the choices."""
    current = public_url.split("://", 1)[-1].split("/", 1)[0].rsplit(":", 1)[0]
    return {
        "public_url": public_url,
        "address": current,
        "loopback": is_loopback_url(public_url),
        "fixed": fixed,
        "addresses": [
            {**item, "likeliest": position == 0, "chosen": item["address"] == current}
            for position, item in enumerate(found)
        ],
    }
