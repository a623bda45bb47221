package load

import (
	"fmt"
	"net/mail"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/idna"
	"gopkg.in/yaml.v3"
)

// URL schemes a link may have.
const (
	webOnly   = false // http and https
	webOrMail = true  // http, https and mailto
)

// parseURL is the one check of a URL in the manuscript, for links in the
// Markdown and for the URLs of metadata alike. It accepts an absolute
// http or https URL with a host (and, when mail is set, a mailto URL of
// plain addresses) that follows RFC 3986, but for letters beyond ASCII,
// which it percent-encodes. It returns the one normalised form every
// edition writes: the scheme in lower case, the host in ASCII (an
// internationalised domain name in punycode, in lower case), every
// character beyond ASCII percent-encoded as UTF-8 and every
// percent-escape in upper case. Otherwise it returns what is wrong.
func parseURL(s string, mail bool) (string, error) {
	if s == "" {
		return "", fmt.Errorf("empty URL")
	}
	if len(s) > MaxURL {
		return "", fmt.Errorf("URL is %d bytes long; the limit is %d", len(s), MaxURL)
	}
	if !utf8.ValidString(s) {
		return "", fmt.Errorf("invalid UTF-8 in URL")
	}
	for i, r := range s {
		switch {
		case r == ' ':
			return "", fmt.Errorf("space in URL: write it as %%20")
		case r < 0x20 || r == 0x7f || charProblem(r) != "":
			return "", fmt.Errorf("character %s in URL", uplus(r))
		case r < 0x80 && !urlChar(byte(r)):
			return "", fmt.Errorf("character %q is not allowed in a URL: write it as %%%02X", r, r)
		case r == '%' && (i+2 >= len(s) || !isHex(s[i+1]) || !isHex(s[i+2])):
			return "", fmt.Errorf("%% in URL not followed by two hexadecimal digits: write a percent sign as %%25")
		}
	}
	if strings.Count(s, "#") > 1 {
		return "", fmt.Errorf("more than one # in URL")
	}
	scheme, rest, ok := strings.Cut(s, ":")
	scheme = strings.ToLower(scheme)
	switch {
	case !ok:
		return "", fmt.Errorf("not an absolute URL: it has no scheme")
	case scheme == "http" || scheme == "https":
		return webURL(scheme, rest)
	case scheme == "mailto" && mail:
		return mailtoURL(rest)
	}
	if mail {
		return "", fmt.Errorf("only http://, https:// and mailto: URLs are allowed")
	}
	return "", fmt.Errorf("only http:// and https:// URLs are allowed")
}

// webURL checks and normalises an http or https URL; rest follows the
// scheme's colon.
func webURL(scheme, rest string) (string, error) {
	if !strings.HasPrefix(rest, "//") {
		return "", fmt.Errorf("%s URL without // and a host", scheme)
	}
	rest = rest[2:]
	end := strings.IndexAny(rest, "/?#")
	if end < 0 {
		end = len(rest)
	}
	authority, tail := rest[:end], rest[end:]
	if strings.Contains(authority, "@") {
		return "", fmt.Errorf("URL with a user name is not allowed")
	}
	if strings.ContainsAny(tail, "[]") {
		return "", fmt.Errorf("[ and ] are allowed in a URL only around an IPv6 address")
	}
	if _, err := url.Parse(scheme + "://" + rest); err != nil {
		return "", fmt.Errorf("not a valid URL: %v", unwrapURLError(err))
	}
	host, port := authority, ""
	if strings.HasPrefix(authority, "[") {
		i := strings.Index(authority, "]")
		if i < 0 {
			return "", fmt.Errorf("IPv6 address without ]")
		}
		host, port = authority[:i+1], authority[i+1:]
		a, err := netip.ParseAddr(host[1 : len(host)-1])
		if err != nil || !a.Is6() || a.Zone() != "" {
			return "", fmt.Errorf("%s is not an IPv6 address", host)
		}
		host = "[" + a.String() + "]"
	} else if i := strings.LastIndex(authority, ":"); i >= 0 {
		host, port = authority[:i], authority[i:]
	}
	if port != "" {
		n, err := strconv.Atoi(strings.TrimPrefix(port, ":"))
		if !strings.HasPrefix(port, ":") || err != nil || n < 1 || n > 65535 || port[1] == '+' || port[1] == '-' {
			return "", fmt.Errorf("port %q is not a port number", strings.TrimPrefix(port, ":"))
		}
	}
	if host == "" {
		return "", fmt.Errorf("URL without a host")
	}
	if !strings.HasPrefix(host, "[") {
		if strings.Contains(host, "%") {
			return "", fmt.Errorf("percent-escape in the host name %q", host)
		}
		ascii, err := idna.Lookup.ToASCII(host)
		if err != nil || ascii == "" {
			return "", fmt.Errorf("host %q is not a valid domain name", host)
		}
		host = ascii
	}
	return scheme + "://" + host + port + encodeURLPart(tail), nil
}

// mailtoURL checks and normalises a mailto URL; rest follows "mailto:".
func mailtoURL(rest string) (string, error) {
	to, query, _ := strings.Cut(rest, "?")
	if to == "" || strings.Contains(rest, "#") {
		return "", fmt.Errorf("a mailto URL is mailto:address")
	}
	for _, addr := range strings.Split(to, ",") {
		dec, err := url.PathUnescape(addr)
		if err != nil {
			return "", fmt.Errorf("mailto address %q: %v", addr, unwrapURLError(err))
		}
		a, err := mail.ParseAddress(dec)
		if err != nil || a.Name != "" || a.Address != dec {
			return "", fmt.Errorf("mailto address %q is not a plain e-mail address", addr)
		}
	}
	if _, err := url.ParseQuery(query); err != nil {
		return "", fmt.Errorf("mailto URL: %v", err)
	}
	out := "mailto:" + encodeURLPart(to)
	if query != "" {
		out += "?" + encodeURLPart(query)
	}
	return out, nil
}

// encodeURLPart percent-encodes every byte beyond ASCII of s, and writes
// the hexadecimal digits of every escape in upper case.
func encodeURLPart(s string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 0x80:
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		case c == '%' && i+2 < len(s):
			b.WriteByte('%')
			b.WriteString(strings.ToUpper(s[i+1 : i+3]))
			i += 2
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// urlChar reports whether the ASCII character c may appear in a URL
// (RFC 3986's unreserved and reserved characters and %).
func urlChar(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	}
	return strings.IndexByte("-._~:/?#[]@!$&'()*+,;=%", c) >= 0
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// unwrapURLError drops the "parse <url>:" that url.Error puts before its
// reason, as the message names the URL already.
func unwrapURLError(err error) error {
	if e, ok := err.(*url.Error); ok {
		return e.Err
	}
	return err
}

// webURL reads a URL of the metadata: an http or https URL, returned in
// its normalised form.
func (d *metaDecoder) webURL(n *yaml.Node) string {
	s := d.str(n)
	if s == "" {
		return ""
	}
	norm, err := parseURL(s, webOnly)
	if err != nil {
		d.err(n, "url %q: %v", s, err)
		return s
	}
	return norm
}
