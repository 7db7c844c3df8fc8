<?php
// Signature vectors for the three signers, computed with EXACTLY the seeds' PHP formulas:
//   seed 000 (Vistarkriya): hash_hmac('sha256', $timestamp . $method . $endpoint . $body, $api_secret)
//   seed 004 (Open legacy): hash_hmac('sha256', preg_replace('/\s+/', '', $timestamp.$method.$body), $secret)
//                           (GET: $timestamp.$method only)
//   seed 003 (Veri5):       hash('sha256', implode('|', $fields))
//
// Run from the repository root:  php scripts/vectors/generate.php [OUT_DIR]
// Writes vistarkriya.json, open-legacy.json and veri5.json to OUT_DIR, by default test/vectors (committed).
// Large bodies are stored as { "unit", "count" } and expanded with str_repeat (and by the tests
// with String.prototype.repeat) so that the committed files stay small.

declare(strict_types=1);

$out = $argv[1] ?? dirname(__DIR__, 2) . '/test/vectors';
if (!is_dir($out)) mkdir($out, 0777, true);

// ---------------------------------------------------------------- seed formulas (verbatim)

function vistarkriya_signature(int $timestamp, string $method, string $endpoint, string $body, string $api_secret): string {
    $signature_string = $timestamp . $method . $endpoint . $body;
    return hash_hmac('sha256', $signature_string, $api_secret);
}

function open_legacy_prehash(int $client_timestamp_header, string $client_request_method, string $client_body): string {
    if ($client_request_method === 'GET') {
        $string = $client_timestamp_header . $client_request_method;
    } else {
        $string = $client_timestamp_header . $client_request_method . $client_body;
    }
    return preg_replace('/\s+/', '', $string);
}

function open_legacy_signature(int $ts, string $method, string $body, string $secret_key): string {
    return hash_hmac('sha256', open_legacy_prehash($ts, $method, $body), $secret_key);
}

function veri5_hash(array $fields): string {
    return hash('sha256', implode('|', $fields));
}

// ---------------------------------------------------------------- inputs

// Every whitespace character we care about: what PCRE's \s strips (ASCII) and what it must not.
$WHITESPACE = [
    'TAB' => "\t", 'LF' => "\n", 'VT' => "\x0B", 'FF' => "\x0C", 'CR' => "\r", 'SPACE' => ' ',
    'NEL U+0085' => "\u{0085}", 'NBSP U+00A0' => "\u{00A0}", 'OGHAM U+1680' => "\u{1680}",
    'MONGOLIAN VS U+180E' => "\u{180E}",
    'U+2000' => "\u{2000}", 'U+2001' => "\u{2001}", 'U+2002' => "\u{2002}", 'U+2003' => "\u{2003}",
    'U+2004' => "\u{2004}", 'U+2005' => "\u{2005}", 'U+2006' => "\u{2006}", 'U+2007' => "\u{2007}",
    'U+2008' => "\u{2008}", 'U+2009' => "\u{2009}", 'U+200A' => "\u{200A}",
    'LINE SEP U+2028' => "\u{2028}", 'PARA SEP U+2029' => "\u{2029}", 'NNBSP U+202F' => "\u{202F}",
    'MMSP U+205F' => "\u{205F}", 'IDEOGRAPHIC U+3000' => "\u{3000}", 'BOM U+FEFF' => "\u{FEFF}",
    'ZWSP U+200B' => "\u{200B}", 'FS U+001C' => "\x1C", 'US U+001F' => "\x1F",
];

$BODIES = [
    'empty' => '',
    'seed 000 verify pan' => '{"pan":"ABCDE1234F"}',
    'seed 004 payment token' => '{"amount":"9.00","contact_number":"5119991919","email_id":"[email protected]","currency":"INR","mtx":"123456XYZ"}',
    'hindi name' => '{"pan":"ABCDE1234F","name":"राम कुमार शर्मा","dob":"15/08/1990"}',
    'tamil name' => '{"name":"முருகன் சுப்பிரமணியம்","mobile":"9876543210"}',
    'bengali name' => '{"name":"রবীন্দ্রনাথ ঠাকুর","city":"কলকাতা"}',
    'gujarati and punjabi' => '{"a":"ગાંધીનગર","b":"ਅੰਮ੍ਰਿਤਸਰ"}',
    'emoji astral and zwj' => '{"note":"paid 😀 🇮🇳 👨‍👩‍👧‍👦 𝄞 🫠"}',
    'combining marks nfd' => "{\"name\":\"Jose\u{0301} Pen\u{0303}a a\u{0308}\u{0301}\"}",
    'combining marks nfc' => "{\"name\":\"Jos\u{00E9} Pe\u{00F1}a\"}",
    'devanagari conjuncts' => '{"x":"क्षत्रिय श्री ज्ञान"}',
    'rtl arabic hebrew' => "{\"name\":\"محمد علي\",\"he\":\"שלום\",\"mix\":\"\u{200F}abc\u{202E}def\u{202C}\"}",
    'json escapes literal' => '{"q":"line\\nbreak \\"quoted\\" back\\\\slash \\/ \\u00e9 \\ud83d\\ude00 \\t\\r\\b\\f"}',
    'pretty printed lf' => "{\n  \"pan\": \"ABCDE1234F\",\n  \"name\": \"Ravi Kumar\"\n}\n",
    'pretty printed crlf tabs' => "{\r\n\t\"pan\" : \"ABCDE1234F\" ,\r\n\t\"consent\" : true\r\n}",
    'leading trailing spaces' => "   {\"a\":\"b\"}   ",
    'spaces inside values' => '{"name":"Ravi   Kumar  Singh","address":"12, MG Road , Bengaluru"}',
    'control chars' => "{\"a\":\"nul\x00 soh\x01 del\x7F esc\x1B\"}",
    'latin1 and symbols' => '{"sym":"₹ 1,00,000 € £ © ® ™ ° ± × ÷ µ"}',
    'cjk and ideographic space' => "{\"n\":\"山田\u{3000}太郎\"}",
    'numbers and nested' => '{"amount":1234.50,"items":[{"id":1,"qty":2},{"id":2,"qty":null}],"ok":true}',
    'non-json text' => 'plain text body, not JSON at all',
    'all whitespace mixed' => "{\"w\":\" \t\n\x0B\x0C\r\u{0085}\u{00A0}\u{1680}\u{2000}\u{2001}\u{2002}\u{2003}\u{2004}\u{2005}\u{2006}\u{2007}\u{2008}\u{2009}\u{200A}\u{2028}\u{2029}\u{202F}\u{205F}\u{3000}\u{FEFF}\u{180E}\"}",
];
foreach ($WHITESPACE as $label => $ws) {
    $BODIES["ws inside value $label"] = "{\"v\":\"a{$ws}b\"}";
    $BODIES["ws run between tokens $label"] = "{{$ws}{$ws}\"v\"{$ws}:{$ws}\"x{$ws}{$ws}{$ws}y\"{$ws}}{$ws}";
}

// Large bodies: [unit, count]. 64 KiB exactly, and just over 1 MiB with Hindi and whitespace.
$LARGE = [
    'large 64 KiB ascii' => ['{"k":"0123456"},', 4096],
    'large 1 MiB mixed' => ["{\"नाम\": \"राम\u{00A0}कुमार\",\t\"emoji\": \"😀\"}\n", 17190],
];

$SECRETS = [
    'short' => 's',
    'seed placeholder' => 'your_api_secret_here',
    'sandbox' => 'sandbox_secret',
    'exactly 64 bytes' => str_repeat('k', 64),
    'long 65 bytes' => str_repeat('K', 65),
    'long 200 bytes' => str_repeat('0123456789abcdefghij', 10),
    'non-ascii' => 'गुप्त🔑ரகசியம்-секрет',
    'with whitespace' => " sec\tret \n",
    'empty' => '',
];

$METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'];

$TARGETS = [
    '/api/v1/wallet/balance',
    '/api/v1/wallet/core/balance',
    '/api/v1/wallet/core/balance.php',
    '/api/v1/verify/pan',
    '/api/v1/wallet/core/transactions?page=2&per_page=20&from=2024-01-01&to=2024-12-31',
    '/api/v1/b2c/customers?search=%E0%A4%B0%E0%A4%BE%E0%A4%AE%20%E0%A4%95%E0%A5%81%E0%A4%AE%E0%A4%BE%E0%A4%B0',
    '/api/v1/b2c/customers?search=O%27Brien%20%26%20D%27Souza&page=1',
    '/api/v1/marketplace/products?category=a%20b&category=c%2Fd&service=%F0%9F%98%80',
    '/api/vk/api/v1/cibil/status?report_id=RPT-123',
    '/api/v1/kamao/reports?month=2024-02&q=%E0%AE%A4%E0%AE%AE%E0%AE%BF%E0%AE%B4%E0%AF%8D',
];

$TIMESTAMPS = [1739612345, 1700000000, 1767225600, 2147483647, 9999999999];

// ---------------------------------------------------------------- vector builders

function body_fields(string $name, array $BODIES, array $LARGE): array {
    if (isset($LARGE[$name])) {
        [$unit, $count] = $LARGE[$name];
        return [str_repeat($unit, $count), ['body_repeat' => ['unit' => $unit, 'count' => $count]]];
    }
    return [$BODIES[$name], ['body' => $BODIES[$name]]];
}

$secretNames = array_keys($SECRETS);
$bodyNames = array_merge(array_keys($BODIES), array_keys($LARGE));

$vk = [];
$open = [];

// 1. The seed's own strings (documented examples).
foreach ([['GET', '/api/v1/wallet/balance', ''], ['POST', '/api/v1/verify/pan', '{"pan":"ABCDE1234F"}']] as [$m, $t, $b]) {
    $vk[] = [
        'name' => "seed 000 example $m $t",
        'secret' => 'your_api_secret_here', 'timestamp' => 1739612345, 'method' => $m, 'target' => $t,
        'body' => $b, 'string_to_sign' => 1739612345 . $m . $t . $b,
        'signature' => vistarkriya_signature(1739612345, $m, $t, $b, 'your_api_secret_here'),
    ];
}

// 2. Every body, each with three different (secret, method, target, timestamp) combinations.
$i = 0;
foreach ($bodyNames as $bodyName) {
    [$body, $bodyField] = body_fields($bodyName, $BODIES, $LARGE);
    for ($k = 0; $k < 3; $k++, $i++) {
        $secretName = $secretNames[($i * 7 + $k) % count($secretNames)];
        $secret = $SECRETS[$secretName];
        $method = $METHODS[$i % count($METHODS)];
        $target = $TARGETS[($i * 3 + $k) % count($TARGETS)];
        $ts = $TIMESTAMPS[$i % count($TIMESTAMPS)];
        $vk[] = array_merge(
            ['name' => "$bodyName | $method | secret $secretName", 'secret' => $secret, 'timestamp' => $ts,
             'method' => $method, 'target' => $target],
            $bodyField,
            ['body_bytes' => strlen($body), 'signature' => vistarkriya_signature($ts, $method, $target, $body, $secret)],
        );
        // Open legacy: same inputs, plus the prehash PHP produced (small bodies) so a stripping
        // difference shows up as a readable diff rather than only as a different signature.
        $omethod = $method === 'GET' && $body !== '' ? 'POST' : $method;
        $prehash = open_legacy_prehash($ts, $omethod, $body);
        $entry = array_merge(
            ['name' => "$bodyName | $omethod | secret $secretName", 'secret' => $secret, 'access_key' => 'open_test_key',
             'timestamp' => $ts, 'method' => $omethod],
            $bodyField,
            ['body_bytes' => strlen($body)],
        );
        if (strlen($prehash) <= 4096) $entry['prehash'] = $prehash;
        $entry['prehash_sha256'] = hash('sha256', $prehash);
        $entry['signature'] = open_legacy_signature($ts, $omethod, $body, $secret);
        $open[] = $entry;
    }
}

// 3. Every secret x every method on a fixed, whitespace-rich, non-ASCII body (and GET with a body:
//    Open legacy ignores it, Vistarkriya signs it).
$fixed = "{\"name\":\"राम\u{00A0}कुमार\", \"note\":\"a\u{2028}b\x0Bc\"}";
foreach ($SECRETS as $secretName => $secret) {
    foreach ($METHODS as $method) {
        foreach (['/api/v1/verify/pan', '/api/v1/wallet/core/transactions?page=1&search=%20x%20'] as $target) {
            $vk[] = [
                'name' => "matrix $method $target secret $secretName", 'secret' => $secret, 'timestamp' => 1739612345,
                'method' => $method, 'target' => $target, 'body' => $fixed,
                'signature' => vistarkriya_signature(1739612345, $method, $target, $fixed, $secret),
            ];
        }
        $prehash = open_legacy_prehash(1739612345, $method, $fixed);
        $open[] = [
            'name' => "matrix $method secret $secretName", 'secret' => $secret, 'access_key' => 'open_test_key',
            'timestamp' => 1739612345, 'method' => $method, 'body' => $fixed,
            'prehash' => $prehash, 'prehash_sha256' => hash('sha256', $prehash),
            'signature' => open_legacy_signature(1739612345, $method, $fixed, $secret),
        ];
    }
}

// ---------------------------------------------------------------- Veri5

$veri5Hashes = [
    // Seed 003 Appendix E known answer.
    ['name' => 'seed 003 verifyGSTIN example', 'fields' => ['INFO9378', 'abcd', 'abc', 'abc', '29AAECK9415C1ZJ']],
    ['name' => 'single field', 'fields' => ['only']],
    ['name' => 'empty fields', 'fields' => ['', '', '']],
    ['name' => 'field containing a pipe', 'fields' => ['a|b', 'c']],
    ['name' => 'hindi and emoji fields', 'fields' => ['ग्राहक', 'अनुरोध-😀', 'कुंजी', 'नमक']],
    ['name' => 'whitespace kept', 'fields' => [" INFO9378 ", "a\u{00A0}b", "c\td", "e\u{2028}f"]],
    ['name' => 'long salt', 'fields' => ['CLIENT', 'REQ-1', 'key', str_repeat('salt', 50), '27AAPFU0939F1ZV']],
];
foreach ($veri5Hashes as &$h) $h['hash'] = veri5_hash($h['fields']);
unset($h);

// The signer's per-operation sequences (seed 003: §3.2 and Appendix E).
$veri5Signer = [];
$cases = [
    ['verifyGSTIN', 'INFO9378', 'abc', 'abc', ['request_id' => 'abcd', 'gstin' => '29AAECK9415C1ZJ']],
    ['verifyGSTIN', 'VERI5_TEST', 'veri5_test_key', 'veri5_test_salt', ['request_id' => 'req-0001', 'gstin' => '27AAPFU0939F1ZV']],
    ['verifyGSTIN', 'क्लाइंट', 'कुंजी🔑', 'नमक-salt', ['request_id' => 'अनुरोध 1', 'gstin' => '29AAECK9415C1ZJ']],
    ['fetchPanDetails', 'VERI5_TEST', 'veri5_test_key', 'veri5_test_salt', ['txn_id' => 'TXN-9f8e7d']],
    ['fetchPanDetails', 'INFO9378', 'abc', "s\u{00A0}a l\tt", ['txn_id' => "txn\u{2028}😀"]],
];
foreach ($cases as [$op, $clientCode, $apiKey, $salt, $request]) {
    $fields = $op === 'verifyGSTIN'
        ? [$clientCode, $request['request_id'], $apiKey, $salt, $request['gstin']]
        : [$clientCode, $request['txn_id'], $apiKey, $salt];
    $veri5Signer[] = [
        'name' => "$op $clientCode", 'operation' => $op, 'client_code' => $clientCode, 'api_key' => $apiKey,
        'salt' => $salt, 'request' => $request, 'hash' => veri5_hash($fields),
    ];
}

// ---------------------------------------------------------------- write

$meta = fn (string $formula) => [
    'generator' => 'scripts/vectors/generate.php', 'php_version' => PHP_VERSION, 'formula' => $formula,
];
$flags = JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES | JSON_THROW_ON_ERROR;
file_put_contents("$out/vistarkriya.json", json_encode([
    'meta' => $meta("hash_hmac('sha256', \$timestamp . \$method . \$endpoint . \$body, \$api_secret)"),
    'vectors' => $vk,
], $flags) . "\n");
file_put_contents("$out/open-legacy.json", json_encode([
    'meta' => $meta("hash_hmac('sha256', preg_replace('/\\s+/', '', \$timestamp.\$method.\$body), \$secret) (GET: \$timestamp.\$method)"),
    'vectors' => $open,
], $flags) . "\n");
file_put_contents("$out/veri5.json", json_encode([
    'meta' => $meta("hash('sha256', implode('|', \$fields))"),
    'hashes' => $veri5Hashes,
    'signer' => $veri5Signer,
], $flags) . "\n");

fwrite(STDERR, sprintf("vistarkriya: %d, open-legacy: %d, veri5: %d hashes + %d signer cases\n",
    count($vk), count($open), count($veri5Hashes), count($veri5Signer)));
