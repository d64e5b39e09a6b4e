package dev.hslab.model.message;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hslab.model.wire.Bytes;

/**
 * Handshake messages captured from OpenSSL 3.0.19 talking to itself on 127.0.0.1, full messages
 * with their four-byte header, as printed by {@code -msg}. Shared by the decoder and encoder
 * tests (docs/style.md §7). Setup, all in /tmp:
 * <pre>
 * openssl req -x509 -newkey rsa:2048 -nodes -keyout rsa.key -out rsa.crt -subj /CN=hslab-rsa
 * openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout ec.key -out ec.crt -subj /CN=hslab-ec
 * openssl req -x509 -newkey rsa:2048 -nodes -keyout cli.key -out cli.crt -subj /CN=hslab-client
 * openssl s_server -accept 127.0.0.1:PORT -naccept 1 -msg SERVER_ARGS
 * openssl s_client -connect 127.0.0.1:PORT -msg CLIENT_ARGS
 * </pre>
 * The arguments of each run are given above its vectors. Randoms are bytes 6..38 of the
 * ClientHello and ServerHello of the same run.
 */
final class OpenSslCapturesB {

  private OpenSslCapturesB() {}

  /** The body of a captured message, after checking its header names {@code type} and the length. */
  static Bytes body(String hex, HandshakeType type) {
    Bytes all = Bytes.fromHex(hex);
    assertThat(all.getUnsigned(0)).as("msg_type").isEqualTo(type.code());
    int len = (all.getUnsigned(1) << 16) | (all.getUnsigned(2) << 8) | all.getUnsigned(3);
    assertThat(len).as("length").isEqualTo(all.length() - 4);
    return all.slice(4, all.length());
  }

  // Run dhe12, TLS 1.2 DHE_RSA with client authentication (default temp DH group):
  //   server: -cert rsa.crt -key rsa.key -tls1_2 -cipher DHE-RSA-AES128-SHA -Verify 1 -sigalgs RSA+SHA256
  //   client: -tls1_2 -cipher DHE-RSA-AES128-SHA -cert cli.crt -key cli.key -sigalgs RSA+SHA256
  static final String SKE_DHE_RSA_TLS12 =
      "0c00030b0100ffffffffffffffffc90fdaa22168c234c4c6628b80dc1cd129024e088a67cc74020bbea63b139b22514a"
      + "08798e3404ddef9519b3cd3a431b302b0a6df25f14374fe1356d6d51c245e485b576625e7ec6f44c42e9a637ed6b0bff"
      + "5cb6f406b7edee386bfb5a899fa5ae9f24117c4b1fe649286651ece45b3dc2007cb8a163bf0598da48361c55d39a6916"
      + "3fa8fd24cf5f83655d23dca3ad961c62f356208552bb9ed529077096966d670c354e4abc9804f1746c08ca18217c3290"
      + "5e462e36ce3be39e772c180e86039b2783a2ec07a28fb5c55df06f4c52c9de2bcbf6955817183995497cea956ae515d2"
      + "261898fa051015728e5a8aacaa68ffffffffffffffff00010201007cd02a578ea53d071a640fc095a6233286349bacb3"
      + "67db42732adfcb45f737314fb3c2f8a260cc45e66a7ef72af762ee23ebe691a80e18efa99df83a736de2b9a8a67bd0d3"
      + "4e1bfde6a22a7b5d7907b58089c175a7590c2b81c18daa8184585851071dd744d93b77d43acf9cb69aac45981134aecb"
      + "d0c1a22daf1df3e49f15b6a30bd6fc15cb258df24540519b0549005a2ef526465586086191eeb11e5a84872c2318dd63"
      + "2ee5aae071229632af160dc56498dd7188481f4a82fb99b899a59fe06df913875082ae695c44fd9d1b83b80feebcf977"
      + "58b8d05f4b2f5400b65a8248a031135eac785af69eed33eff9c19b7e6b367943bd48d8eb03bd3e36ee128e0401010028"
      + "7b7928f8d9381f0dfaa8ad2305521f5f18f52118bcd50040c7ce3bba15a0e0de1faf887afab2e8d1211bb17b855a2334"
      + "07931c107d451577d0b70827282935b9817e8894b42f80a1db43d0d86de51c1502698043f9d3fb66249d13fe1e693d6d"
      + "f170f5a113db3f2ee4f08bd055b313f0e32e6b8e3b429f148cc05dcc2648fc145e886eb3f0a8343ae4920e1ea2ae6338"
      + "74708dd0528af0cc2a87bc9b82d7b2daecb0c4a9f58f000241faddd3f01c2e28f560732f72fb7d5f9542c5e20a907745"
      + "ff477dc0896958c51369f645126a4d05fe7c8701f113d4d4d1705d1b6ada9887ee03e6dc456626214b878f86cb8a2ad1"
      + "fd3b60a11f06e5fc8f4d3e21e56570";

  static final String CR_TLS12_NO_CAS =
      "0d0000080101000204010000";

  static final String CKE_DHE_TLS12 =
      "100001020100452766bfb6b837cc27c82e1f6e46b2a08f23221f8543e2c627fc42a7c37b228fe587e428b5b4ed2db704"
      + "633fce8861e782c3dfe85ba7a0ed29f1a836bcaf8e0ca18ba93c67305028d795feb32fac74dbd5ba6c2e6b03e795d807"
      + "53129797bca86ed06197f058169f25f668b2249be3dd619894c4cc73f0a9ceb230b57f53f546889dc3028c55e7b02f7f"
      + "eb6ce58cccbfa25a426d43f01a5f3bf649f85c236bad3fb4fa2d637d366c5219a3838b79fba256810a7ce144ebaa8e08"
      + "28b80f19c9a4edb1b71cec2445cbc396fb848c8d63063d83007e6d1c0406599f9f5e6cb59c698ee2e1b2fff9ef5ef2fd"
      + "d85105a62c5ef43f90ce4dcbf61e8be093c8dff6e194";

  static final String CV_TLS12_RSA_PKCS1_SHA256 =
      "0f00010404010100860a30719767653871e84b6acbd244412887ff11cb81e7daa9b76c0950f3e561358ba3f96ea44d54"
      + "89edcbabc86ffc5c22267e2f1a0ce4d77710aa5d1b40222d74c49352739e880acba0b918309725550736ae6ab6f19d50"
      + "c150d58d954450667527ecffb763e40bf6926472be3064f88b02997337c3a7eba90a44572bb2ee9b03ea214f8ad7b7b9"
      + "725745dd41f74f8982200c4c3dc52cae35ad6881b952347caa20d1d352916c5fa711551b15dafe719cbd08319fa3d3df"
      + "e91274c4ba1d4097378b97232f18d060442801e2440f6de409fe4174c4296519a200b16247007a3099f04f50c54d6389"
      + "354cee7655fa1b593773bf3fd6dc9814f917a574b2f05cd5";

  // Run ecdhe10, TLS 1.0 ECDHE_RSA (X25519) with client authentication and a CA list:
  //   server: -cert rsa.crt -key rsa.key -tls1 -cipher ECDHE-RSA-AES128-SHA:@SECLEVEL=0 -Verify 1 -CAfile cli.crt
  //   client: -tls1 -cipher ECDHE-RSA-AES128-SHA:@SECLEVEL=0 -cert cli.crt -key cli.key -CAfile rsa.crt
  static final String SKE_ECDHE_RSA_TLS10 =
      "0c00012603001d205076efad50240d261be55539de390045c09f876ced31030fe0f333aeb1b6ad380100071f5261becc"
      + "2b61b1d8b3f218d9e5f5c82155ea53b191a982b46d0922e11e5161b5a64dd5c676ba012459d2e1f3e7a9a944e31485d5"
      + "f90b4a8d15a7df361d490f11634cd74e1ce7dc2d26c95052be5776ec5394880fbec59227a1d5b594376398b54b7e83c5"
      + "5722334f5681da145dceca3ed066920a6460a93764614bcf9266b94015f974ed611a3d5cdb584efe9331c9278e3feaa9"
      + "c63e6c6e2df1c85d2522e61ebd102bc1e26e8bedb47a4b19488e52edae6c04c2ea958f6f313500cd06b1545fe9c23788"
      + "199ac160234c544f1c2f0c9cea7a90bb579b53d926a9dc169b4ca488db71d32b07f807c59c826893740d1757a349410f"
      + "58720b9c1f4c3413c672";

  static final String CR_TLS10 =
      "0d00002103010240001b001930173115301306035504030c0c68736c61622d636c69656e74";

  static final String CKE_ECDHE_X25519_TLS10 =
      "10000021209737d7679639dedabfa205cdda05c6fbf17310e3d84f84b6e92cd8742162ba66";

  static final String CV_TLS10 =
      "0f0001020100166913c7c553d277ee2064b754458283123298e92aea06c7ed3216dd2789ed87146b1a18fe4e606c0c3c"
      + "6be64872ec9a269bac24249bf8f683d68e17c8e25b402e281e26e0596d0f86f94f07dc184e30654a215b1eb2ef0d8f7d"
      + "2f0aecfdd6af4f1222381416693938f36de74e611753d34f4f87bbf9db87ae33e9566dec4982f7138245d0a2ebcf002e"
      + "0a55d4d80ca425bfac3b9c540296e9238defe3ab35d5460db8c56edfe0dfd27fea0429960dc924eab690183e87eb0cdf"
      + "69f1cce0c7e5e624bbbbbede5dae9165103904bfc1de9152cdf2916dc910ec82a156500ddde2b7419a4740928291cd8d"
      + "4e109bcc568ceecf9ec3024a1a08a3d8cf1204a9da00";

  // Run ecdsa12, TLS 1.2 ECDHE_ECDSA on P-256:
  //   server: -cert ec.crt -key ec.key -tls1_2 -cipher ECDHE-ECDSA-AES128-GCM-SHA256 -groups P-256
  //   client: -tls1_2 -cipher ECDHE-ECDSA-AES128-GCM-SHA256 -groups P-256
  static final String SKE_ECDHE_ECDSA_TLS12 =
      "0c000091030017410448cdc254cb334fbf4dced6084a612faa95aa301a7336c395447822aea1e687437df2e7371d17dc"
      + "fd3aefb04d43cd973533a8f0ee8724331033837dc5af8f82b3040300483046022100f01056371213d972bd84d7b42708"
      + "a26eba2cb416045451c3a8f802bf97556176022100f875a7099d6e0d2c2c1fb9d861696074c5356ffef656e8d0b89044"
      + "43eaa92905";

  static final String CKE_ECDHE_P256_TLS12 =
      "10000042410475cf5d72044f62c6d36445095e842a86197da72295eed1afb2fb369f5577f424e0d1c4439f9d6153efc4"
      + "275e288b5789c0b5fe0895a9971344b24538cfdfac61";

  // Run ecdhersa12, TLS 1.2 ECDHE_RSA on X25519 with client authentication and a CA list:
  //   server: -cert rsa.crt -key rsa.key -tls1_2 -cipher ECDHE-RSA-AES128-GCM-SHA256 -groups X25519 -Verify 1 -CAfile cli.crt
  //   client: -tls1_2 -cipher ECDHE-RSA-AES128-GCM-SHA256 -groups X25519 -cert cli.crt -key cli.key
  static final String SKE_ECDHE_RSA_TLS12 =
      "0c00012803001d20dd9d1ecfc2d77238682df54ff6c75341f1706dd99d6e8c4f43a62400185ef61a08040100b97595a1"
      + "34d9a18e3e4e8701dff29847259c1bc5b43d3b22b9dee4a2e3295150d323372e5059c66cc98429c3cd4c3072d1f02085"
      + "d1f9ef13303befa4fbcd90d748fbc278daec995588f5ab03d7e28af982e9043a68b1910bfc4e68a71a3367967a4a2cc4"
      + "ba8b2c4bc9b22650eea7ff9d7e5988c3fb20469b39b75325d424b6e2bbaa8ceeaa5f3d8a020e1a7232d4c5a66fa590c1"
      + "af3f2e1ae00e3a258a6f9b38fbb3daaba65e9da3f5d1888cb568bbc8532a6f5461d04ee365bfaf356452034afa6489bd"
      + "818b17f217a2e52bfdcb674a296e5cf8f08777ecb18a9fe16b777154114776184c21ad3e8d048fa60411dea38a98ae45"
      + "ddbe5ede2a539ddb8cbfa2e3";

  static final String CR_TLS12 =
      "0d00004b030102400028040305030603080708080809080a080b08040805080604010501060103030301030204020502"
      + "0602001b001930173115301306035504030c0c68736c61622d636c69656e74";

  static final String CKE_ECDHE_X25519_TLS12 =
      "100000212078e12ba001eeab88d49a2f7041357d6244613b5b74eeeda2481c6eb0a38b2e75";

  static final String CV_TLS12_RSA_PSS =
      "0f000104080401000f63be143475a3c18979a2a557c26320e977cc9d2c1511692d627f120816629c8afa4cad7f871f3d"
      + "23c9bf23399e5a0d48b50c3282a9ecc8b5b84b56675f3e77945e3fead6474841aa764fc8dee87c74b5a15cadc0d33344"
      + "ebe63164388dc5f7382fc5b07dc58861f699e6921b363df8acdcf96cfbe7be130ddbca5ebf6edece93c5dd8b6fdfd7b3"
      + "4ad8ca7168bc542db013bc4ea6dddce5e19cf6eab261e1032af4b9b0c79dddcd8f619f148e75770e8e6fd0d86d9c4cf2"
      + "ddc05e599da6fbdbfcf8546ec177d06c80b9e4161de04245cae8362d2964a21de23eb9e4f2095b3c7af38f21babeb2d7"
      + "89a654e1b8c75730236d40e4a8155b2816d20f122ceb8592";

  // Run rsa12, TLS 1.2 RSA key exchange:
  //   server: -cert rsa.crt -key rsa.key -tls1_2 -cipher AES128-SHA
  //   client: -tls1_2 -cipher AES128-SHA
  static final String CKE_RSA_TLS12 =
      "1000010201000911e9abeee5a6e34da0776f4aadbd237b7cdb0b6a5729e0281ff8fd559ba7388f0f8ac9611e790690ed"
      + "e0c0fcf97aa07a98b8a10b2fe15d4cb12fab9e13d9af0f0673345e436edd3a7b3781987908bb9642044712a5e2e8e0d1"
      + "da1fe9da442b5ab2a45edd4ec53b764bb58bb4170d2e05630efc601708227531e944ccde3f26f697acffd1e8f584af38"
      + "14c39b9ab630836b01fb387ceee91f23c4ba318c3feb89cc99f0a9fdd1688eb34edf2f10334ccdaa507a6f4d257606cf"
      + "41bef9349946691c43682d5559da0a05cfc26adc98fe15bcfb0e8e06f6ff6d1d5713be8f658e842a23e38571b126a059"
      + "4a65a62e4c87ef99c1a25ce6a2b0b92312b03b6c4c75";

  // Run psk12, TLS 1.2 PSK with hint "hslab-hint" and identity "hslab-client":
  //   server: -nocert -psk 0123456789abcdef0123456789abcdef -psk_hint hslab-hint -tls1_2 -cipher PSK-AES128-CBC-SHA
  //   client: -psk 0123456789abcdef0123456789abcdef -psk_identity hslab-client -tls1_2 -cipher PSK-AES128-CBC-SHA
  static final String SKE_PSK_TLS12 =
      "0c00000c000a68736c61622d68696e74";

  static final String CKE_PSK_TLS12 =
      "1000000e000c68736c61622d636c69656e74";

  // Run ecdhepsk12, TLS 1.2 ECDHE_PSK on P-256, same PSK, hint and identity:
  //   server: ... -cipher ECDHE-PSK-AES128-CBC-SHA256 -groups P-256 (client likewise)
  static final String SKE_ECDHE_PSK_TLS12 =
      "0c000051000a68736c61622d68696e74030017410483082adacff33f8ead525bc95b62b4d969627b08d47ac2919c3be0"
      + "bf55f1df5c90f15bd94c2c58dd779e696d7d5a5a71dcc9bbe5b14e2ff21cf0144de3157eee";

  static final String CKE_ECDHE_PSK_TLS12 =
      "10000050000c68736c61622d636c69656e744104b4b73a733830925a86b45f0a42dd8ba7ddd71cafc13ec6d24a2f8808"
      + "7b860ab96219a1196b77d2233f3c38f509c75b570763732f068dd3f13cf1e3cb3846cbea";

  // Run adh12, TLS 1.2 DH_anon (OpenSSL picks a 1024-bit group at security level 0):
  //   server: -nocert -tls1_2 -cipher ADH-AES128-SHA:@SECLEVEL=0   client: -tls1_2 -cipher ADH-AES128-SHA:@SECLEVEL=0
  static final String SKE_DH_ANON_TLS12 =
      "0c0001070080ffffffffffffffffc90fdaa22168c234c4c6628b80dc1cd129024e088a67cc74020bbea63b139b22514a"
      + "08798e3404ddef9519b3cd3a431b302b0a6df25f14374fe1356d6d51c245e485b576625e7ec6f44c42e9a637ed6b0bff"
      + "5cb6f406b7edee386bfb5a899fa5ae9f24117c4b1fe649286651ece65381ffffffffffffffff000102008051f8d1de64"
      + "077bdd96c9585f9d13a5569f1ec1a0ab9fc1de76d16e64ca6b9b159dcebf60840fda157c1671d2fdb654d5f05ac2aca2"
      + "245bdc6f63e200c5124524bc1ee0571badade925325bb3f12117f110e4dc198aa0a4c18be65bcb3956bedb3d24e12903"
      + "53d61502a638d71f9e4e99cbede5d869b5aee2f2c4af5a56741090";

  static final String CKE_DH_ANON_TLS12 =
      "10000082008057f57a24aff7dc95663df9bae4d1975e2753a98cced299b8d01141d7848ea599e51536adae543155bcdc"
      + "73e8b51b06542d7889a4d21e5a56a4a45049b3aa8ccbbc6e97d8286a44ffa18bb2553339ae3e78d8f2f3f9893c226132"
      + "840889602c328b590334eff71d65e24e5ab1fbb184f772c675beb20162f088bffeb7c861ecb4";

  // Run dhe10, TLS 1.0 DHE_RSA:
  //   server: -cert rsa.crt -key rsa.key -tls1 -cipher DHE-RSA-AES128-SHA:@SECLEVEL=0   client: -tls1 -cipher DHE-RSA-AES128-SHA:@SECLEVEL=0
  static final String SKE_DHE_RSA_TLS10 =
      "0c0003090100ffffffffffffffffc90fdaa22168c234c4c6628b80dc1cd129024e088a67cc74020bbea63b139b22514a"
      + "08798e3404ddef9519b3cd3a431b302b0a6df25f14374fe1356d6d51c245e485b576625e7ec6f44c42e9a637ed6b0bff"
      + "5cb6f406b7edee386bfb5a899fa5ae9f24117c4b1fe649286651ece45b3dc2007cb8a163bf0598da48361c55d39a6916"
      + "3fa8fd24cf5f83655d23dca3ad961c62f356208552bb9ed529077096966d670c354e4abc9804f1746c08ca18217c3290"
      + "5e462e36ce3be39e772c180e86039b2783a2ec07a28fb5c55df06f4c52c9de2bcbf6955817183995497cea956ae515d2"
      + "261898fa051015728e5a8aacaa68ffffffffffffffff00010201002aa4f23b17b73d0e02eeece8aaf3a7859674ab0aa9"
      + "a7004f123286ece7c0b5e66e530034f814e0c3aba5aadd20e1d530c22d916fd864f5569089bdfc6291947cfec5d0f831"
      + "c74de8107d563ee0ec18f3f4c23f5201188789ab7c63518633789522b87f84a7a40f84d18dec2666cf70be5827b49d65"
      + "617ca1d4ae2a0c7c28e4133903e4b214fcc9bb332a8271572bc12c31c2ea15b85baae8aa3dc4b502e3205000dd680275"
      + "17e8bdf47a7ba3064260b3dec07ac6a7b529bacfe844b96503f5839155fb338e728be51729f57feca6ee09058c498443"
      + "d6882049a5ec1f662e28269d19829f2c43de775277b7c9ac13352c7118f728e34e39fc940f0abf09e2f4e80100046b5b"
      + "d9b3324e7924a6057a954b44cb05e0556fe72645ad55d3a885b493a78f5b18d71b8041eaaeb3fd56cfea6830f881cf8e"
      + "acad2740bbe678ad8f0a6ae704fabe57dde22f937a2810f5a6c478c48ae3687c2fe2d741cfe04d7b4a00130a11140914"
      + "4c91c368b5aa56fb45acd0ecc55878c27fa1e6aec579a07f1960f2b8db7a565f9d2fd0d006e7d1836de3e258d2e9a1f1"
      + "b8a720433a5f430e09a64cc287583890ea95c8c55d84c12c357e8c65df5768a11f20816f7c81069c1a064695a3f7d0d6"
      + "476e12b2e093371dce5a4d34c58a322f0f1505818742d0ac85c061a2079bcc7f596af23a687d6cf0e6678bd8187ee498"
      + "8329ced493ffb40f5016c31ee7";

  static final String CKE_DHE_TLS10 =
      "100001020100f41db14693012e9ce132062548d45102b77b3d9a3f6a03f7ec53f223a3b283f64fa6b60c5f5f1e7d9403"
      + "7865017c91b5ef1828666a7b8f06c6536d8f2096f2a08e9b654fe6d3065ac3b6f3614f5eeb4a8a8656455818beca3ece"
      + "d80c073e2c3bbde30e4640551e8023d4f291bc3c9b25dcbfac6f9adaebebb5855b1258fc71c91b48ce2dbc759c12726c"
      + "05cc6242ca6781672c9c1dece8cb147b7e190cc0a5067c7416a0ce877d222f51b766154313d70caea17b6aced02506f4"
      + "8b61f4f1cdb095667465b1a8d2eebed8fd1245888ee90e42b9690c3009889f2df20dac043c491df623fa6bdab7076263"
      + "209b824cd5a005b77eb5e56017d836ab605b3e7be1b5";

  // Run aecdh12, TLS 1.2 ECDH_anon on P-256:
  //   server: -nocert -tls1_2 -cipher AECDH-AES128-SHA:@SECLEVEL=0 -groups P-256 (client likewise)
  static final String SKE_ECDH_ANON_TLS12 =
      "0c000045030017410414a507d748230dbfd7fe76815cb05c3f200373e41d0779f1fffcc0d05f48cbef040085d3cd502b"
      + "a0df410a329cdf1f154b08c02954f4f2cb14135eab9e2c13d4";

  static final String CKE_ECDH_ANON_TLS12 =
      "1000004241047fbb3cc26b75ca83873a2313148d6cb1f14d60cf5d698af76e909d12a4375f3317bd5076a253f512bb91"
      + "2f908f5bd50aecea5f2690207fe50ef50e9e1487c593";

  static final String CLIENT_RANDOM_DHE_RSA_TLS12 =
      "76080e8438b5ad94bd519f67881f9bfd413aded3ac62e7c17a493c671b67e134";

  static final String SERVER_RANDOM_DHE_RSA_TLS12 =
      "fa1a1acdf9791a7e573bdd8bf9c0614954eec32a6634b967f72e350056ebd4ac";

  static final String CLIENT_RANDOM_ECDHE_RSA_TLS10 =
      "9f1887be0139ec8242d977f5512aca710ab6e6398bd83ebbcac1f55760a4dd4c";

  static final String SERVER_RANDOM_ECDHE_RSA_TLS10 =
      "2885e4fe9dd3051926875974cef531e4bf54ab187155a89e1c65d3a829849920";

  static final String CLIENT_RANDOM_ECDHE_ECDSA_TLS12 =
      "8d8b8294866446dcea82c7665fe7726be1e794341914b0c1f0a2145ffe25700c";

  static final String SERVER_RANDOM_ECDHE_ECDSA_TLS12 =
      "a778eae0089a2b917504b08f00eb80c6eabacf5445fe424d9c4ea2dde2d79054";

  static final String CLIENT_RANDOM_ECDHE_RSA_TLS12 =
      "0d7ab9fb786c3b2ddf67a3b7c30b199a39be3da70e69563eb7d5df7b8b179d6b";

  static final String SERVER_RANDOM_ECDHE_RSA_TLS12 =
      "ef15b05e3e83836108626a0efa9aea2ddf07a1c78e3612c8bf2fea2a8b508cb2";

  static final String CLIENT_RANDOM_DHE_RSA_TLS10 =
      "3c414ef5dc46cfef26ffe9e9ad915e1c642c9696fb0cafabdf11e22dabfebf9a";

  static final String SERVER_RANDOM_DHE_RSA_TLS10 =
      "4c63e1c028a991430f6d2458b1a684b8628ac4f2295f9659fa85053d88478c58";

  /** SubjectPublicKeyInfo of the throwaway RSA-2048 server certificate. */
  static final String SERVER_RSA_SPKI =
      "30820122300d06092a864886f70d01010105000382010f003082010a0282010100bfe8b432cc062ac9928fc17b6923d8"
      + "1e6a2b732b98ac789d90d43804069250e3d556d580cbf081a42ea364ab72ab23f9fab566659da68a77e39da5559d99d7"
      + "e3fe7c40fc570d702b22a9a7999c709c640abb9c326deb309bc417c798fe25399df7ee64079c414b075a24d9cbc35066"
      + "a07cb43e7b6f58e550e511228949813eaf761a7c0535affd3a45196ae8b72ad4d88c260d0bcfdfd42e39eba476e8410b"
      + "092a66a9f2e76e8abf734ba80890b9fee5315effcd333cda66e9a3f6074821ba681c6e9a4d21028114c9d5896bb29989"
      + "3bef1807cd040f30748a07f55718a5b2a755ff496678a55a17b2ea3a3193098ce8271d3667d7ce1582e68a703ee408f9"
      + "bb0203010001";

  /** PKCS#8 of that throwaway key (generated for these captures only), to open the RSA premaster. */
  static final String SERVER_RSA_PKCS8 =
      "308204bd020100300d06092a864886f70d0101010500048204a7308204a30201000282010100bfe8b432cc062ac9928f"
      + "c17b6923d81e6a2b732b98ac789d90d43804069250e3d556d580cbf081a42ea364ab72ab23f9fab566659da68a77e39d"
      + "a5559d99d7e3fe7c40fc570d702b22a9a7999c709c640abb9c326deb309bc417c798fe25399df7ee64079c414b075a24"
      + "d9cbc35066a07cb43e7b6f58e550e511228949813eaf761a7c0535affd3a45196ae8b72ad4d88c260d0bcfdfd42e39eb"
      + "a476e8410b092a66a9f2e76e8abf734ba80890b9fee5315effcd333cda66e9a3f6074821ba681c6e9a4d21028114c9d5"
      + "896bb299893bef1807cd040f30748a07f55718a5b2a755ff496678a55a17b2ea3a3193098ce8271d3667d7ce1582e68a"
      + "703ee408f9bb020301000102820100509d0630fe5e2ad410b23d62c35830bd19f915807f3a17d28c57710e53da5b8b50"
      + "ff106171899e53a2d9b4fc860718ee359fc49b33dd94f5e691beb557a61bb7a49b7a4ae5a079f94caeba7dfee698f337"
      + "44f6c8823ed4e4e1bae177c56e4aa52e542005c85fef0df01261c0c3d33ec0f4915c5bca7aab9d4f13e30f8b6674b751"
      + "a17569e6e0a556723a976ea5f4a31062cf005bded60602dc98996c2bc93fe466a0283771bb3c0f7369866e7295f1dd2b"
      + "58aa1fd60a238b18aba4337000053e1d6856266a5434191fe5d09d83c4793134ca0f2557a33e719a7f6776be4d81e45d"
      + "8acce6efc87b3006b47175363f25805566134676673ee1bd575ad66a9ccb2102818100f6628d33b2cda5ce4c75de57d1"
      + "29a3c7c92e5fc290f68eb9d13fee3632a8081906d13c0705773c038fc555c9227dd59a28ea3f59f2d2f0ac9ce3e42513"
      + "0e652f17585163bb8388a74e3f3da5c26453e8705a549335ccca047c026b9288f8891bae54610e665a7dd7841b22c624"
      + "44349f6a1b5161e07501b4b975b03b3aaa6b1b02818100c765ec6f39e8ad45350f3c6a29fe1386d0a6f5824681431a65"
      + "a74f01bf6d777a51ac9aafb8f81f87a7e8857a13480706590a01ea7ced8e1eb5acb4a532d818642cf8ae37f4a1aa8572"
      + "55c4f137ad227d373a7527b62db3164bacb900555e5e7b5f70991711a46a6f2294b5ca9ca50d26f10cfdd2ddabd17863"
      + "c24c3baf40f5e102818100cc86e4d62cb09fda1008ac68d3bdb03291a3c86458380424e63a1ec1a8ed69c374b04e173a"
      + "074faf5932a3d2d2aa089def26fd2deaf0065013f0ed9b852527039f6a762dc7241a5560140955c777c75ba5a0a6a289"
      + "3f95d78125f52c703d787b9d0c78811ea031e4acca65e47b888ef2627f88e02a169732f1dd6b4ccf97564f028180713c"
      + "9eb2e3ae118876037b09c76334efa0dad01df5b03ecd64e148eaf32d5566afaf58016707f1cff63904643942f44a5492"
      + "6c58202e40418c66d207e701f5881e49f3966f64c81414c4449dc042a08d7fa9c1129651099d25c8a71f5b5bc6484601"
      + "09cfa2033f3671eb05fa544f1f52f81daa9fefa73dc422d31abbe260ffc1028180445f40c260bc7707a23db97e4bafe9"
      + "466f83eba27f0ac4acffffc60fb3bba8e2031c2c5272cc3d657a45c8636f9a75237fb3f2d71c590c647eca75262e0064"
      + "4dd62fde538a5584f1e9484fb7ca918f50a6270d60ee89e56b8fd66778a690866d22552901b0336ff340fa77ed145fd5"
      + "00b6e7ff21e36c94c46c7942cbd13bee33";

  /** SubjectPublicKeyInfo of the throwaway P-256 server certificate. */
  static final String SERVER_EC_SPKI =
      "3059301306072a8648ce3d020106082a8648ce3d03010703420004bc88dad3348d193da21e04a08badaa1caf1ee9e383"
      + "1de30c7c29f12e1cb888505ae8969cd83d6c734a7707dadea04769a9d03f89ba0e55600b3fdd4205cb07c8";
}
