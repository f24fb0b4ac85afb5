"""Japanese: the same keys as en.py, in the voice and terms of VMware's Japanese KB on vMotion data
flows and Long Distance vMotion ("vMotion データ フローおよびネットワークの要件"): ホット データ,
コールド データ, プロビジョニング, 管理 vmkernel ポート, 移行元ホスト / 移行先ホスト, ライン レート,
ソケット バッファ, and 帯域幅遅延積 for the bandwidth-delay product.

Conventions:
- Sentences are in です/ます調; titles are short headings (a noun phrase or a plain statement).
- Phrases that other messages embed or that are shown as one line (``path.*``, ``routing.*``,
  ``reach.*``, ``tune.*``) have no final 。: the message that embeds them ends the sentence.
- Optional parts (a param that may be None) are written so that the sentence reads the same with or
  without them: a full-width parenthesis （…）, or a whole sentence ending in 。.
- Commands, option names, tags, vmknic and netstack names, IDs and units (ms, MB/s, Mbit/s) are
  left as they are, with a half-width space between them and Japanese text, as the KB writes them.
"""

LIST_SEPARATOR = "、"
# "semicolon" joins items that are clauses of their own (or hold English notes with their own
# "; "): in Japanese they are sentences.
LIST_SEPARATORS = {"comma": "、", "semicolon": "。", "and": " および "}

_ONLY_LINE_RATE = "Long Distance vMotion 向けに調整できるのは NetExpectedLineRateMBps のみです。"

MESSAGES = {
    # ---- words used inside other messages
    "role.hot": "ホット",
    "role.cold": "コールド",
    "role.hot+cold": "ホットおよびコールド",
    "list.more": "（ほか {count} 件）",

    # ---- data paths: why a path is what it is
    "path.no-interface-list": "VMkernel インターフェイスの一覧が収集されていません",
    "path.on-netstack": "{vmknics} が {netstack} netstack 上にあり、{tag} タグより優先されます",
    "path.netstack-not-known": "{vmknics} の netstack が不明です",
    "path.interface-list-cut": "インターフェイスの一覧が編集されているか途中で切れていて不完全な"
                               "ため、優先されるはずの {netstack} netstack 上の vmknic が"
                               "一覧から漏れている可能性があります",
    "path.tagged": "{netstack} netstack 上に vmknic がなく、{vmknics} に {tag} タグが付いています"
                   "{unknown}",
    "path.maybe-more": "（{vmknics} のタグが不明なため、ほかにもある可能性があります）",
    "path.tags-not-collected": "{vmknics} のサービス タグが収集されていません",
    "path.none": "{netstack} netstack 上に vmknic がなく、デフォルト netstack の有効な vmknic にも "
                 "{tag} タグが付いていません{ignored}",
    "path.ignored": "（{vmknics} の {tag} タグは、別の netstack 上にあるため効果がありません）",
    "path.management": "プロビジョニング用の vmknic がないため、コールド データは管理 vmkernel "
                       "ポート {vmknics} を経由します",
    "path.no-cold": "プロビジョニング用の vmknic も、有効な管理 vmknic もありません",

    # ---- routing pre-flight: how this host would reach a peer
    "routing.interfaces-not-read": "インターフェイスの一覧が読み取られていないため、{vmknic} が存在"
                                   "するかどうかは不明です",
    "routing.no-such-vmknic": "{vmknic} はこのホストに存在しません",
    "routing.not-an-address": "{target} はアドレスではありません",
    "routing.no-address-of-family": "{vmknic} には {family} アドレスがない{local}ため、{family} の"
                                    "ピア {target} に到達できません",
    "routing.only-link-local": "（リンクローカル アドレスのみ）",
    "routing.address-not-collected": "{vmknic} の {family} アドレスが収集されていません",
    "routing.on-link": "{target} は {vmknic} のサブネット {subnet} 内にあります",
    "routing.static-route": "{netstack} netstack の静的ルート {network}（ゲートウェイ {gateway}）",
    "routing.vmknic-gateway": "{vmknic} 独自のゲートウェイ {gateway}",
    "routing.netstack-gateway": "{netstack} netstack のデフォルト ゲートウェイ {gateway}{how}",
    "routing.on-own-subnet": "（{vmknic} 自身のサブネット上）",
    "routing.reached-through": "（{via} 経由で到達）",
    "routing.table-not-collected": "{target} は {vmknic} のサブネット外にあり、{netstack} netstack "
                                   "の {family} ルート テーブルが収集されていません",
    "routing.not-routable": "{target} は {vmknic} のサブネット {subnet} の外にあり、{netstack} "
                            "netstack にはそこに到達するデフォルト ゲートウェイ、静的ルート、"
                            "vmknic ごとのゲートウェイのいずれもありません",

    # ---- reachability: planning and the verdict of a path's probes
    "reach.where": "{vmknic} -> {target}{label}",
    "reach.label": "（{label}）",
    "reach.ms": "{ms:.1f} ms",
    "reach.not-measured": "未測定",
    "reach.no-vmknic-to-test": "{role} データ：テスト元となる{role} データ用の vmknic がありません"
                               "（{reason}）",
    "reach.cut-after-replies": "{command}：出力が {count} 件中 {replies} 件の応答の後、統計の前で"
                               "切れています（ラウンドトリップ時間は表示された応答から求めたもので、"
                               "パケット損失は不明です）",
    "reach.printed-nothing": "{command} は何も出力しませんでした{status}",
    "reach.exit-status": "（終了ステータス {code}）",
    "reach.no-statistics": "{command}：出力が統計の前で終わっており、応答も件数も表示されていません",
    "reach.stack-not-configured": "vmkping が -S {used} に対して '*** vmkernel stack not "
                                  "configured ***' を出力しました：{vmknic} が {used} netstack 上に"
                                  "ないか、その netstack がこのホストに存在しません{why}",
    "reach.stack-wrong-s": "（コマンドは -S {used} を使用しましたが、{vmknic} は {netstack} 上に"
                           "あります。-S {netstack} を指定してください）",
    "reach.stack-changed": "（構成が読み取り後に変更されています。インターフェイスの一覧を再度読み"
                           "取ってください）",
    "reach.wrong-netstack": "{vmknic} は {netstack} netstack 上にありますが、プローブは {used} を"
                            "使用したため、このパスについては何もわかりません（vmkping には -S "
                            "{netstack} が必要です）",
    "reach.unreachable": "{vmknic} から {target}：{why}",
    "reach.no-reply": "{sent} 個のプローブに応答がありません",
    "reach.loss": "{sent} 個のプローブのうち {loss:g}% が失われました",
    "reach.local-mtu": "{size} バイトの DF（フラグメント禁止）プローブが {vmknic} 自身の MTU に収まり"
                       "ません（sendto() failed: Message too long）",
    "reach.df-proves-nothing": "フラグメント禁止のテストは判断材料になりません：{why}",
    "reach.drops-jumbo": "{size} バイトの DF（フラグメント禁止）プローブは失われ、{base} バイトの"
                         "プローブは通過します：パス上のどこかでジャンボ フレームが破棄されています",
    "reach.below-1500": "{base} バイトの DF（フラグメント禁止）プローブでさえ失われます：パス MTU が"
                        " 1500 未満です",
    "reach.smaller-path-mtu": "{size} バイトの DF（フラグメント禁止）プローブは失われ、小さいパケット"
                              "は通過します：パス MTU が {mtu} より小さくなっています",
    "reach.path-mtu": "{what}{uncertain}{largest}",
    "reach.uncertain": "（不確実：このリンクでは小さいプローブも {loss:g}% 失われています）",
    "reach.largest": "。通過する最大のペイロードは {size} バイトです（パス MTU {mtu}）",
    "reach.df-only-lost": "{size} バイトの DF（フラグメント禁止）プローブに応答がなく、小さいパケット"
                          "のテストは実行されていません：{target} がまったく応答しないか、パス MTU "
                          "が {mtu} 未満です",
    "reach.beyond": "平均ラウンドトリップ時間 {rtt:.1f} ms は、Long Distance vMotion がサポートする "
                    "{limit:g} ms を超えています",
    "reach.interrupted": "すべてのプローブが実行される前に中断されました",
    "reach.no-probe-run": "このパスのプローブは実行されていません",
    "reach.no-probe-counted": "このパスのプローブは、いずれも応答数を出力していません",
    "reach.all-passed": "すべてのプローブが成功しました",

    # ---- findings: the data paths
    "HOT-UNKNOWN.title": "ホット データ パスを特定できない",
    "HOT-UNKNOWN.detail": "vMotion のホット データを転送する vmknic を特定するための情報が不足して"
                          "います：{reason}。vMotion が動作するかどうかは判断できません。",
    "HOT-NONE.title": "vMotion（ホット データ）用の VMkernel ポートがない",
    "HOT-NONE.detail": "vMotion のホット データ（メモリの状態、デバイスの状態）を転送する VMkernel "
                       "ポートがありません：{reason}。このホストとの間の vMotion は失敗します。"
                       "{disabled}",
    "HOT-NONE.disabled": "VMotion タグが付いていますが、無効になっています：{vmknics}。",
    "HOT-PATH.title": "ホット データ：{vmknics}",
    "HOT-PATH.detail": "vMotion のホット データは {vmknics} を経由します（{reason}）。",
    "COLD-UNKNOWN.title": "コールド データ パスを特定できない",
    "COLD-UNKNOWN.detail": "vMotion のコールド データを転送する vmknic を特定するための情報が不足"
                           "しています：{reason}。vMotion が動作するかどうかは判断できません。",
    "COLD-NONE.title": "コールド データ用の VMkernel ポートがない",
    "COLD-NONE.detail": "コールド データ（スナップショット、ディスク、ログ）には、プロビジョニング用の "
                        "vmknic も、フォールバック先となる有効な管理 vmknic もありません：{reason}。",
    "COLD-PATH.title": "コールド データ：{vmknics}",
    "COLD-PATH.detail": "vMotion のコールド データは {vmknics} を経由します（{reason}）。",
    "COLD-MANAGEMENT.title": "コールド データは管理ネットワークを経由",
    "COLD-MANAGEMENT.detail": "vSphereProvisioning netstack 上の vmknic も、vSphereProvisioning "
                              "タグが付いた vmknic もないため、移行中の仮想マシンのスナップショット、"
                              "ディスク、ログは {vmknics}（Management）を経由します。これはサポート"
                              "されている構成ですが、Long Distance vMotion では、VMware は"
                              "プロビジョニング TCP/IP スタックの使用を推奨しています。",
    "TAG-VMOTION-INACTIVE.title": "{vmknics} の {tag} タグは機能していない",
    "TAG-VMOTION-INACTIVE.detail": "{vmknics} には {tag} タグが付いていますが、{netstack} netstack "
                                   "上の {active} が優先されます。このタグは何の効果もなく、構成を"
                                   "確認する人の誤解を招きます。",
    "TAG-PROVISIONING-INACTIVE.title": "{vmknics} の {tag} タグは機能していない",
    "TAG-PROVISIONING-INACTIVE.detail": "{vmknics} には {tag} タグが付いていますが、{netstack} "
                                        "netstack 上の {active} が優先されます。このタグは何の効果"
                                        "もなく、構成を確認する人の誤解を招きます。",
    "TAG-IGNORED-NETSTACK.title": "{vmknic} の {tag} タグは効果なし（{netstack} netstack）",
    "TAG-IGNORED-NETSTACK.detail": "{vmknic} には {tag} タグが付いていますが、{netstack} netstack "
                                   "上にあります。サービス タグはデフォルト "
                                   "netstack（defaultTcpipStack）の vmknic でのみ有効なため、{vmknic} は "
                                   "vMotion の{role} データを転送しません。",
    "PATH-VMK-DISABLED.title": "{vmknic}（{role} データ）が無効",
    "PATH-VMK-DISABLED.detail": "{vmknic} は {netstack} netstack 上にあるため{role} データを転送"
                                "しますが、無効になっています。",
    "PATH-VMK-DISABLED.tagged.title": "{vmknic} は{role} データ用のタグが付いているが無効",
    "PATH-VMK-DISABLED.tagged.detail": "{vmknic} には {tag} タグが付いていますが、無効になっている"
                                       "ため何も転送しません。",
    "PATH-VMK-IPV6-ONLY.title": "{vmknic}（{role} データ）は IPv6 のみを使用",
    "PATH-VMK-IPV6-ONLY.detail": "{vmknic} には IPv4 アドレスがなく、{role} データを IPv6"
                                 "（{addresses}）で転送します。このパスのすべてのピアにも IPv6 が"
                                 "ある限り、サポートされている構成です。",
    "PATH-VMK-NO-IPV4.title": "{vmknic}（{role} データ）に使用可能な IP アドレスがない",
    "PATH-VMK-NO-IPV4.detail": "{vmknic} は{role} データを転送しますが、IPv4 アドレスもルーティング"
                               "可能な IPv6 アドレスもありません{local}。",
    "PATH-VMK-NO-IPV4.local": "（リンクローカルの {addresses} のみ）",
    "PATH-VMK-NO-IPV4.unknown.title": "{vmknic}（{role} データ）に IPv4 アドレスがない",
    "PATH-VMK-NO-IPV4.unknown.detail": "{vmknic} は{role} データを転送しますが、IPv4 アドレスが"
                                       "なく、IPv6 アドレスは収集されていません。使用可能なアドレス"
                                       "があるかどうかは不明です。",
    "HOT-SHARED-SERVICES.title": "ホット データ用の vmknic {vmknic} は {services} と共用",
    "HOT-SHARED-SERVICES.detail": "vMotion はメモリをライン レートで転送するため、{vmknic} 上の "
                                  "{services} の帯域を圧迫する可能性があります（その逆も同様です）。"
                                  "VMware は、専用のネットワーク上に vMotion 専用の vmknic を用意"
                                  "することを推奨しています。",
    "NETSTACK-NO-GATEWAY.title": "{netstack} netstack に {family} のデフォルト ゲートウェイがない",
    "NETSTACK-NO-GATEWAY.detail": "{netstack} netstack（{role} データ、{vmknics}）には {family} の"
                                  "デフォルト ゲートウェイがありません。{no_own}{static}同じ L2 "
                                  "セグメント上のホスト間の vMotion はゲートウェイなしで動作します"
                                  "が、他のサブネットのピアには到達できません。{offlink}",
    "NETSTACK-NO-GATEWAY.no-own": "vmknic ごとのゲートウェイもありません。",
    "NETSTACK-NO-GATEWAY.static": "他のサブネットには、静的ルート（{routes}）経由でのみ到達します。",
    "NETSTACK-NO-GATEWAY.route": "{gateway} 経由の {network}",
    "NETSTACK-NO-GATEWAY.offlink": "テストしたピアのうち、サブネット外にあるもの：{peers}。",
    "HOT-ROUTES-VIA-OTHER-VMKNIC.title": "{vmknic} からルーティングされるホット データは {via} から"
                                         "送出される",
    "HOT-ROUTES-VIA-OTHER-VMKNIC.detail": "{vmknic} はデフォルト netstack 上でホット データを転送"
                                          "しますが、この netstack のデフォルト ゲートウェイ "
                                          "{gateway} には {via} を経由して到達します。{vmknic} "
                                          "自身のサブネット外にあるピアへの vMotion は、{vmknic} "
                                          "ではなく {via} から送出されます。同じ L2 セグメント上の"
                                          "ピアには影響しません。",
    "MTU-EXCEEDS-VSWITCH.title": "{vmknic} の MTU {mtu} が {switch} の MTU {switch_mtu} より大きい",
    "MTU-EXCEEDS-VSWITCH.detail": "{vmknic}（{role} データ）は最大 {mtu} バイトのフレームを送信"
                                  "しますが、{switch} は {switch_mtu} バイトまでしか転送しません。"
                                  "大きな vMotion パケットは破棄されます。",
    "MTU-EXCEEDS-UPLINK.title": "{vmknic} の MTU {mtu} がアップリンク {uplink} の MTU {uplink_mtu} "
                                "より大きい",
    "MTU-EXCEEDS-UPLINK.detail": "{switch} 上の {vmknic}（{role} データ）の MTU は {mtu} ですが、"
                                 "アップリンク {uplinks} の MTU はそれより小さいため、これらの"
                                 "アップリンクから送出される大きな vMotion パケットは破棄されます。",
    "PATH-NO-UPLINK.title": "{vmknic} に動作しているアップリンクがない",
    "PATH-NO-UPLINK.detail": "{vmknic}（{role} データ）は {switch} 上にありますが、このスイッチには"
                             "アップリンクがないため、トラフィックがホストの外に出ることはありません。",
    "PATH-NO-UPLINK.down.title": "{vmknic} に動作しているアップリンクがない",
    "PATH-NO-UPLINK.down.detail": "{vmknic}（{role} データ）は {switch} 上にありますが、このスイッチ"
                                  "のアップリンク（{uplinks}）はすべてダウンしています。",
    "LINERATE-DEFAULT.title": "NetExpectedLineRateMBps が 1 Gbit/s のデフォルト値のまま",
    "LINERATE-DEFAULT.detail": "/Migrate/NetExpectedLineRateMBps は {current} MB/s（デフォルト値）"
                               "ですが、ホット データのアップリンクは {speed} Mbit/s で動作して"
                               "います（最も遅いもの：{nic}、{speed_mbytes} MB/s）。Long Distance "
                               "vMotion は、この値に基づいてソケット バッファのサイズを調整します。"
                               "LAN では影響ありません。",
    "SBMAX-UNAVAILABLE.not-root.title": "{netstack} netstack の sbMax を読み取れない",
    "SBMAX-UNAVAILABLE.not-root.detail": "{node} を読み取れません：{detail}。",
    "SBMAX-UNAVAILABLE.no-vsish.title": "{netstack} netstack の sbMax を読み取れない",
    "SBMAX-UNAVAILABLE.no-vsish.detail": "{detail}：ここでは {node} の読み取りも設定もできません。" +
                                         _ONLY_LINE_RATE,
    "SBMAX-UNAVAILABLE.release.title": "{netstack} netstack の sbMax を読み取れない",
    "SBMAX-UNAVAILABLE.release.detail": "このホストは ESXi {release} を実行しています。sbMax "
                                        "ノードは vSphere 6.7 U1 以降に存在します。" + _ONLY_LINE_RATE,
    "SBMAX-UNAVAILABLE.missing.title": "{netstack} netstack の sbMax を読み取れない",
    "SBMAX-UNAVAILABLE.missing.detail": "ESXi {release} には存在するはずですが（6.7 U1 以降に"
                                        "存在します）、vsish に {node} ノードがありません（{detail}）。netstack 名"
                                        "と、ホストが正常であることを確認してください。" +
                                        _ONLY_LINE_RATE,
    "SBMAX-UNAVAILABLE.unknown-release.title": "{netstack} netstack の sbMax を読み取れない",
    "SBMAX-UNAVAILABLE.unknown-release.detail": "vsish に {node} ノードがなく（{detail}）、リリース"
                                                "も不明です。このノードは vSphere 6.7 U1 以降に"
                                                "存在します。" + _ONLY_LINE_RATE,
    "SBMAX-UNAVAILABLE.no-detail": "詳細なし",

    # ---- findings: the collection
    "COLLECT-INCOMPLETE.title": "{count} 個のコマンドが失敗したか、解釈できなかった",
    "COLLECT-INCOMPLETE.detail": "{commands}{more}。これらのコマンドから得られる情報が欠けているため、"
                                 "それを必要とするチェックはスキップされました。",
    "COLLECT-INCOMPLETE.command": "{command}：{status}{note}",
    "COLLECT-PARTIAL.title": "{count} 個の出力が編集されているか、途中で切れている",
    "COLLECT-PARTIAL.detail": "{commands}{more}。これらの出力の一覧は不完全な可能性があります。切れた"
                              "部分は「存在しない」ではなく「不明」として扱われます。",
    "COLLECT-PARTIAL.command": "{command}：{note}",
    "COLLECT-LOCALCLI.title": "esxcli が失敗したため、localcli でデータを読み取った",
    "COLLECT-LOCALCLI.detail": "esxcli が応答しなかったため（{why}）、hostd を経由しない localcli "
                               "でデータを読み取りました。vMotion には hostd が必要です。移行の前に "
                               "hostd を確認してください。",

    # ---- findings: reachability (check)
    "REACH-NOT-ROUTABLE.title": "{where}：ルートがない（{role} データ）",
    "REACH-NOT-ROUTABLE.detail": "{detail}。",
    "REACH-UNREACHABLE.title": "{where}：到達不能（{role} データ）",
    "REACH-UNREACHABLE.detail": "{detail}。ルーティング：{routing}。",
    "REACH-LOCAL-MTU.title": "{where}：ローカルの MTU が小さすぎる",
    "REACH-LOCAL-MTU.detail": "{detail}。",
    "REACH-PATH-MTU.title": "{where}：パス上で大きなパケットが破棄される（{role} データ）",
    "REACH-PATH-MTU.detail": "{detail}。vMotion はフルサイズのフレームを送信するため、移行が停滞"
                             "します。",
    "REACH-RTT-BEYOND.title": "{where}：ラウンドトリップ時間 {rtt:.1f} ms が {limit:g} ms を超過",
    "REACH-RTT-BEYOND.detail": "{detail}。",
    "REACH-LOSS.title": "{where}：パケット損失（{role} データ）",
    "REACH-LOSS.detail": "{detail}。パケット損失のあるリンクでの vMotion は低速になり、タイムアウト"
                         "する可能性があります。",
    "REACH-LOSS.also.title": "{where}：パケット損失",
    "REACH-LOSS.also.detail": "遅延測定用のプローブの {loss:g}% が失われました。",
    "REACH-VMKPING-ERROR.title": "{where}：vmkping が失敗",
    "REACH-VMKPING-ERROR.detail": "{detail}。",
    "REACH-WRONG-NETSTACK.title": "{where}：誤った netstack でプローブ",
    "REACH-WRONG-NETSTACK.detail": "{detail}。",
    "REACH-NOT-MEASURED.title": "{where}：未測定（{role} データ）",
    "REACH-NOT-MEASURED.detail": "{detail}。応答数がわからないため、このパスは合格とも不合格とも"
                                 "判定できません。",
    "REACH-STACK-NOT-CONFIGURED.title": "{where}：vmkernel スタックが構成されていない",
    "REACH-STACK-NOT-CONFIGURED.detail": "{detail}。",
    "REACH-INTERRUPTED.title": "{where}：未完了",
    "REACH-INTERRUPTED.detail": "このパスのプローブが完了する前に、チェックが中断されました。",
    "REACH-MTU-MISMATCH.title": "{where}：MTU がこのホストでは {mtu}、ピアでは {peer_mtu}",
    "REACH-MTU-MISMATCH.detail": "この{role} データ パスの両端で MTU が異なります。大きい側の"
                                 "フルサイズのフレームは、小さい側に収まりません。",
    "REACH-ROUTED-VIA-OTHER-VMKNIC.title": "{where}：{vmknic} ではなく {via} 経由でルーティング",
    "REACH-ROUTED-VIA-OTHER-VMKNIC.detail": "{vmknic} は {target} に{through} {gateway} 経由での"
                                            "み到達しますが、このゲートウェイは {vmknic} 自身の"
                                            "サブネット上ではなく {via} の先にあります。この{role} "
                                            "データのトラフィックは、{via} のアップリンクとネット"
                                            "ワークから送出されます。",
    "REACH-ROUTED-VIA-OTHER-VMKNIC.static": "静的ルートのゲートウェイ",
    "REACH-ROUTED-VIA-OTHER-VMKNIC.default": "{netstack} netstack のデフォルト ゲートウェイ",
    "REACH-NOT-TESTED.title": "テストできなかったデータ パスがある",
    "REACH-NOT-TESTED.detail": "{note}。",
    "REACH-LONG-DISTANCE.title": "Long Distance vMotion が適用される（最大ラウンドトリップ時間 "
                                 "{worst:.1f} ms）",
    "REACH-LONG-DISTANCE.detail": "測定された最大のラウンドトリップ時間 {worst:.1f} ms（ホット "
                                  "データ：{hot}）は、{threshold:g} ms のしきい値"
                                  "（/Migrate/NetLatencyModeThreshold）を超えています。vMotion は"
                                  "遅延を考慮したモードで動作し、{limit:g} ms までサポートされます。"
                                  "予測ライン レートと sbMax は、帯域幅遅延積に合わせて設定する必要"
                                  "があります。",
    "REACH-OK.title": "{count} 個のパスがすべて合格",
    "REACH-OK.detail": "テストしたすべてのホット データ パスとコールド データ パスが、フルサイズの "
                       "DF（フラグメント禁止）パケットで損失なくピアに到達しました。",

    # ---- remedies: the prose steps between commands
    "remedy.run-and-include-this": "次のコマンドを実行し、その出力を添付してください：",
    "remedy.run-and-include-these": "次のコマンドを実行し、それらの出力を添付してください：",
    "remedy.tagged-but-disabled": "{vmknic} には {tag} タグが付いていますが、無効になっています。"
                                  "次のコマンドで有効にします：",
    "remedy.or-create-vmotion-vmknic": "または、vmotion netstack 上に vMotion 専用の vmknic を作成"
                                       "します：",
    "remedy.create-vmotion-vmknic": "vmotion netstack 上に vMotion 専用の vmknic を作成します：",
    "remedy.or-tag-unused": "または、他のサービスを転送していない {vmknic} にタグを付けます（iSCSI "
                            "や NFS のトラフィックも転送していない場合に限ります）：",
    "remedy.create-provisioning-vmknic": "移行元ホストと移行先ホストの両方で、vSphereProvisioning "
                                         "netstack 上に vmknic を作成します（コールド データは両"
                                         "ホストのプロビジョニング vmknic 間で転送されます）：",
    "remedy.carry-on-dedicated": "{role} データは {netstack} netstack の vmknic（またはデフォルト "
                                 "netstack のタグ付き vmknic）で転送します。{vmknic} のタグは削除"
                                 "できます：",
    "remedy.enable-it": "有効にします：",
    "remedy.or-remove-the-tag": "または、タグを削除します：",
    "remedy.or-ipv6-address": "または、IPv6 アドレスを設定します：",
    "remedy.move-vmotion-to-dedicated": "vMotion を vmotion netstack 上の専用の vmknic に移します"
                                        "（専用の vmknic ができると、{vmknic} の VMotion タグは何も"
                                        "転送しなくなります）：",
    "remedy.then-take-the-tag-off": "その後、{vmknic} からタグを削除します：",
    "remedy.own-gateway": "{vmknic} に、そのサブネット上にある独自のゲートウェイを設定します"
                          "（ESXi 6.5 以降）：",
    "remedy.or-move-to-vmotion-netstack": "または、vMotion を vmotion netstack に移します。",
    "remedy.or-lower-the-vmknic": "または、vmknic の MTU を下げます：",
    "remedy.raise-dvs-mtu": "vCenter で、分散スイッチ {switch} の MTU を {mtu} に上げます。",
    "remedy.switch-mtu-sets-uplinks": "スイッチの MTU を設定すると、そのアップリンクの MTU も設定"
                                      "されます：",
    "remedy.add-uplink": "動作するアップリンクを追加します：",
    "remedy.check-cabling": "また、ケーブルと物理スイッチのポートを確認します：",
    "remedy.check-dvs-uplinks": "分散スイッチ {switch} のアップリンクとそのリンクを（vCenter で）"
                                "確認します：",
    "remedy.run-as-root": "esxi-diag を root として実行します（vsish には root 権限が必要です）。",
    "remedy.run-by-hand": "コマンドを手動で実行して、エラーを確認します。JSON レポートには、すべての"
                          "コマンドとその終了コードが記載されています。",
    "remedy.paste-again": "次のコマンドを再度実行し、出力全体を貼り付けてください：",
    "remedy.if-not-running": "実行されていない場合：",
    "remedy.one-of": "（{switches} のいずれか）",
    "remedy.if-netstack-missing": "'esxcli network ip netstack list' にまだ {netstack} が表示されない"
                                  "場合：",
    "remedy.on-standard-switch": "標準スイッチ{which}を使用する場合：",
    "remedy.if-vlan": "そのネットワークで VLAN を使用している場合：",
    "remedy.on-distributed-switch": "分散スイッチ{which}では、vCenter でこの用途のために作成した"
                                    "ポート グループの空きポートを使用します：",
    "remedy.or-on-distributed-switch": "または、分散スイッチ{which}では、vCenter でこの用途のために"
                                       "作成したポート グループの空きポートを使用します：",
    "remedy.then-its-address": "次に、アドレスを設定します：",
    "remedy.for-routed-peers": "他のサブネットにあるピアの場合（ルーティングされる vMotion）：",
    "remedy.or-own-gateway": "または、{vmknic} 独自のゲートウェイを設定します（ESXi 6.5 以降）：",
    "remedy.reproduce-it": "再現するには、次のコマンドを実行します：",
    "remedy.run": "次のコマンドを実行します：",
    "remedy.for-example": "例：",
    "remedy.then-if-on": "次に、{netstack} 上にある場合は次のコマンドを実行します：",
    "remedy.check-peer-vlan-firewall": "ピアの vmknic のアドレス、両方のポート グループの VLAN、"
                                       "およびサイト間のファイアウォールを確認します。",
    "remedy.raise-vmknic-mtu": "vmknic の MTU を上げます（そのスイッチとアップリンクの MTU もそれに"
                               "合わせます）：",
    "remedy.raise-path-mtu": "ホスト間のすべてのスイッチとルーターの MTU を {mtu} 以上に上げるか、"
                             "両端を 1500 に設定します：",
    "remedy.less-latency": "このネットワークでは、これらのホスト間の vMotion はサポートされません。"
                           "遅延の小さいパスを使用してください。",
    "remedy.find-lossy-link": "ホスト間でパケット損失が発生しているリンクを特定します（インター"
                              "フェイス エラー、輻輳、デュプレックス）。",
    "remedy.check-vmknic-exists": "{vmknic} がまだ存在することを確認します：",
    "remedy.run-again-whole": "再度実行し、統計を含む出力全体を貼り付けてください。",
    "remedy.check-netstack-of": "{vmknic} の netstack を確認します：",
    "remedy.run-check-again": "チェックを再度実行します。",
    "remedy.same-mtu-both-ends": "両端（およびその間のスイッチ）で同じ MTU を設定します。たとえば、"
                                 "このホストでは次のコマンドを実行します：",
    "remedy.or-static-route": "または、{netstack} netstack に静的ルートを追加します：",
    "remedy.fix-path-first": "まずデータ パスを修正します（ほかの検出結果を参照してください）。",
    "remedy.size-for-this-rtt": "このホストとピアの両方で、この RTT に合わせて予測ライン レートと"
                                "（6.7 U1 以降では）sbMax を設定します。--apply を追加すると設定"
                                "されます：",
    "remedy.tune-only-within": "{limit:g} ms 以内のピアのみを対象に調整します（それを超えるピアは、"
                               "どの設定でもサポートされません）：",
    "remedy.none-by-tuning": "調整では解決できません：{rtt:.1f} ms は Long Distance vMotion が"
                             "サポートする {limit:g} ms を超えています。遅延の小さいパスを使用して"
                             "ください。",
    # ---- tuning: the plan's reasons and notes
    "tune.rate-mbytes": "{rate} = {mbytes:g} MB/s",
    "tune.rate-capped": "このオプションの最大値 {max} MB/s（{gbit:.0f} Gbit/s）に制限されます："
                        "これより速いリンクは vMotion に伝えられません",
    "tune.rate-default": "デフォルトの {default} MB/s（約 1 Gbit/s）以下です。このリンクはすでに"
                         "デフォルト値で表されています",
    "tune.kept-lower": "現在の値 {current} より小さいため、現在の値を維持します（下げるには "
                       "--allow-decrease を使用します）",
    "tune.bdp": "{rate} x {rtt:g} ms = {bdp} バイト（帯域幅遅延積）、64 KiB の倍数に切り上げて "
                "{value}",
    "tune.sbmax-capped": "ノードの最大値 {max} に制限されます",
    "tune.no-line-rate": "ライン レートが不明です。--line-rate を指定してください（例：10G）",
    "tune.current-unread": "現在の値を読み取れなかったため、変更しません",
    "tune.hot-netstack-unknown": "ホット データの netstack が不明です：{reason}",
    "tune.sbmax-release": "このホストは ESXi {release} を実行しています。sbMax ノードは vSphere "
                          "6.7 U1 以降に存在するため、調整できるのはライン レートのみです",
    "tune.sbmax-unreadable": "{node} を読み取れませんでした（{detail}）。調整できるのはライン レート"
                            "のみです",
    "tune.unavailable": "利用不可",
    "tune.sbmax-not-read": "{netstack} の sbMax は読み取られていません",
    "tune.release-unknown": "リリースが不明です。sbMax は 6.7 U1 以降でのみ調整します",
    "tune.needs-both": "ライン レートと RTT の両方が必要です（--rtt を指定するか、--peer で測定します）",
    "tune.default-stack": "defaultTcpipStack の sbMax は、vMotion だけでなく、このスタック上のすべての"
                          "ソケット（管理、NFS、iSCSI）のソケット バッファの上限になります。vmotion "
                          "netstack 上の vmknic を使用すれば、変更の影響は vMotion に限られます",
    "tune.rtt-beyond": "RTT {rtt:g} ms は、Long Distance vMotion がサポートする 150 ms を超えて"
                       "います",
    "tune.secure-boot": "UEFI セキュア ブートが有効なため、/etc/rc.local.d/local.sh は起動時に実行"
                        "されません。--persist では再起動後に sbMax を維持できません（再起動の"
                        "たびに再設定してください）",
    "tune.secure-boot-unknown": "セキュア ブートの状態を読み取れませんでした。有効な場合、"
                                "/etc/rc.local.d/local.sh は起動時に実行されず、--persist では "
                                "sbMax を維持できません",
    "tune.same-on-peers": "vMotion の受信側ホストも、同じ設定からバッファのサイズを決定します。"
                          "すべてのピア ホストに同じ値を設定してください（ピア ホストでも同じ "
                          "--line-rate と --rtt を指定して esxi-diag tune を実行します）",
    "tune.basis-assumed": "推定値：ホット データ用スイッチでリンクアップしているアップリンクのうち、"
                          "最も遅い {nic}（{rate}）。WAN 経由では通常サイト間のリンクのほうが遅い"
                          "ため、--line-rate を指定してください",
    "tune.basis-measured": "測定値：ホット データ パスで最大のラウンドトリップ時間（{vmknic} -> "
                           "{target}、{count} 個のプローブの平均 {rtt:.2f} ms）",
    "tune.peer-unknown": "{host} のレポートには {what} が記載されていません。手動で比較してください",

    # ---- findings: the tuning plan (tune)
    "TUNE-PEER-DIFFERS.title": "{host} の調整値がこのホストと異なる",
    "TUNE-PEER-DIFFERS.detail": "2 台のホスト間の vMotion では、両端でバッファのサイズが決まります："
                                "{differs}{recommended}。",
    "TUNE-PEER-DIFFERS.rate": "NetExpectedLineRateMBps はピアでは {there}、このホストでは {here}",
    "TUNE-PEER-DIFFERS.sbmax": "sbMax（{netstack} netstack）はピアでは {there}、このホストでは {here}",
    "TUNE-PEER-DIFFERS.recommended": "（このホストの値は、このプランが推奨する値です）",
    "TUNE-LINERATE-CAPPED.title": "ライン レートがオプションで表せる値を超えている",
    "TUNE-LINERATE-CAPPED.detail": "{rate} は {mbytes:g} MB/s で、/Migrate/NetExpectedLineRateMBps "
                                   "の最大値 {max} MB/s を超えています。vMotion には {recommended} "
                                   "MB/s（{gbit:.0f} Gbit/s）が設定されます。",
    "TUNE-NO-LINE-RATE.title": "ライン レートが不明",
    "TUNE-NO-LINE-RATE.detail": "ホット データ用スイッチに、リンクアップしているアップリンクの速度が"
                                "見つかりませんでした。",
    "TUNE-LINE-RATE-ASSUMED.title": "ライン レートをローカルのアップリンクから推定",
    "TUNE-LINE-RATE-ASSUMED.detail": "--line-rate が指定されていないため、ホット データ用スイッチの、"
                                     "リンクアップしているアップリンクのうち最も遅いものの速度 "
                                     "{rate} を想定しています。{why}",
    "TUNE-LINE-RATE-ASSUMED.wan": "パスは長距離です。サイト間のリンクは通常ホストのアップリンクより"
                                  "遅く、ライン レートを高く設定しすぎると、vMotion のバッファが実際"
                                  "のリンクに対して大きくなりすぎます。",
    "TUNE-LINE-RATE-ASSUMED.lan": "LAN では、これが実際のライン レートです。",
    "TUNE-LINE-RATE-LOW.title": "ライン レートが 250 Mbit/s 未満",
    "TUNE-LINE-RATE-LOW.detail": "{rate} は、同時に実行する Long Distance vMotion 1 件あたりに "
                                 "VMware が要件とする 250 Mbit/s を下回っています。",
    "TUNE-RTT-BEYOND.title": "RTT がサポートされる 150 ms を超えている",
    "TUNE-RTT-BEYOND.detail": "サイズの計算には {rtt:g} ms を使用していますが、これは Long Distance "
                              "vMotion がサポートする範囲を超えています。",
    "TUNE-NO-RTT.title": "sbMax の計算にはラウンドトリップ時間が必要",
    "TUNE-NO-RTT.detail": "RTT がないと、帯域幅遅延積を計算できません。",
    "remedy.on-host": "{host} で次のコマンドを実行します：",
    "remedy.give-line-rate": "ライン レートを指定します（例：--line-rate 10G）：",
    "remedy.give-inter-site-rate": "サイト間の帯域幅を指定します（例：--line-rate 10G）：",
    "remedy.faster-link": "より高速なリンクを使用するか、vMotion を 1 件ずつ実行します。",
    "remedy.or-measure-rtt": "または、ホット データのピアに対して測定します：",
    # ---- added with the Japanese catalog: words that were the host's or the runner's codes
    "reach.vmkping-killed": "vmkping が {seconds:.0f} 秒以内に終了しなかったため強制終了しました："
                            "{command}",
    "reach.vmkping-failed": "vmkping を実行できませんでした：{why}",
    "reach.not-found": "コマンドが見つかりません",
    "reach.permission": "権限がありません",
    "reach.network-unreachable": "ネットワークに到達できません",
    "reach.host-down": "ホストが応答しません",
    "COLLECT-INCOMPLETE.failed": "失敗",
    "COLLECT-INCOMPLETE.unparsed": "解析できず",
    "COLLECT-INCOMPLETE.note": "（{note}）",

    # ---- virtual machines and the host firewall (issue 12: rules/vms.py)
    "vm.names": "{names}{more}",
    "vm.mode.required": "必須",
    "vm.mode.opportunistic": "任意",
    "vm.mode.disabled": "無効",
    "vm.none-known": "どの仮想マシンの設定も不明",
    "VM-NETWORK-MISSING.title": "ポートグループ {network} がこのホストにない",
    "VM-NETWORK-MISSING.detail": "次の仮想マシンの構成ファイル（.vmx）は、このホストにない標準"
                                 "ポートグループ {network} にネットワーク アダプタを接続しています："
                                 "{vms}（計 {count} 台）。このアダプタはこのホストでは接続できません。"
                                 "仮想マシン ネットワークは、仮想マシンが稼働するホストと移行先の"
                                 "すべてのホストに、同じ名前で存在する必要があります。",
    "VM-NETWORK-MISSING.dvs.title": "このホストが参加していない分散スイッチに仮想マシンが接続されて"
                                    "いる",
    "VM-NETWORK-MISSING.dvs.detail": "次の仮想マシンの構成ファイル（.vmx）は UUID {network} の分散"
                                     "スイッチにネットワーク アダプタを接続していますが、このホスト"
                                     "はその分散スイッチに参加していません：{vms}（計 {count} 台）。"
                                     "このアダプタはこのホストでは接続できません。",
    "remedy.create-vm-portgroup": "このホストにポートグループを作成し、ほかのホストと同じ VLAN を"
                                  "設定します：",
    "remedy.add-host-to-dvs": "vCenter で、このホストをその分散スイッチに追加します",
    "remedy.or-move-vms-network": "または、vCenter で、これらのアダプタをこのホストにあるネット"
                                  "ワークに接続し直します（仮想マシンの [設定の編集] の [ネット"
                                  "ワーク アダプタ]）",
    "VM-VMOTION-CLEARTEXT.title": "ルーティングされた経路または長距離の経路で、仮想マシンが暗号化"
                                  "されずに移行される",
    "VM-VMOTION-CLEARTEXT.detail": "{vms}（計 {count} 台）では暗号化された vMotion が無効で、"
                                   "ホット データは{why}を通ります。移行時、これらの仮想マシンの"
                                   "メモリは暗号化されずにネットワークを流れます（コールド データは"
                                   "ネットワークに関係なく NFC の TLS で暗号化されます）。",
    "VM-VMOTION-CLEARTEXT.routed": "ルーティングされた経路（{peers} 宛て）",
    "VM-VMOTION-CLEARTEXT.far": "長距離の経路（往復 {rtt:.1f} ms、LAN の {threshold:g} ms 超）",
    "VM-VMOTION-CLEARTEXT.routed-far": "ルーティングされた長距離の経路（{peers} 宛て、往復 "
                                       "{rtt:.1f} ms、LAN の {threshold:g} ms 超）",
    "remedy.isolate-or-ipsec": "vMotion ネットワークをほかのトラフィックから隔離するか、IPsec で"
                               "保護します",
    "remedy.or-encrypted-vmotion-required": "または、vCenter で、これらの仮想マシンの暗号化された "
                                            "vMotion を「必須」に設定します（仮想マシンの [設定の"
                                            "編集] の [仮想マシン オプション] の [暗号化]）",
    "VM-VMOTION-ENCRYPTION.title": "このホストの仮想マシンのデータを vMotion がどう保護するか",
    "VM-VMOTION-ENCRYPTION.detail": "コールド データ（ディスクの内容、NFC で転送）は、ネットワーク"
                                    "に関係なくデフォルトで TLS により暗号化されます。ホット データ"
                                    "（仮想マシンのメモリ）は、仮想マシンごとの暗号化された vMotion "
                                    "の設定に従います。必須は常に暗号化し、任意（デフォルト）は両方"
                                    "のホストが対応している場合のみ暗号化してそれ以外は暗号化せずに"
                                    "送信し、無効は暗号化しません。このホストの仮想マシン（{count} "
                                    "台）：{modes}。{encrypted}{unknown}{partial}",
    "VM-VMOTION-ENCRYPTION.mode": "{mode}：{count} 台（{vms}）",
    "VM-VMOTION-ENCRYPTION.encrypted": "暗号化された仮想マシン（vMotion は常に暗号化されます）："
                                       "{vms}。",
    "VM-VMOTION-ENCRYPTION.unknown": "構成ファイル（.vmx）を読めなかった {count} 台については不明"
                                     "です：{vms}。",
    "VM-VMOTION-ENCRYPTION.partial": "仮想マシンの一覧自体が不完全です（コマンドの一覧を参照）。",
    "FIREWALL-RULESET-DISABLED.title": "ファイアウォールの {ruleset} ルールセットが無効",
    "FIREWALL-RULESET-DISABLED.detail": "ホストのファイアウォールが{role} データを遮断しています。"
                                        "{ruleset} ルールセット{ports}が無効なため、このホストとの"
                                        "間の移行は失敗します。",
    "FIREWALL-RULESET-DISABLED.ports": "（{ports}）",
    "FIREWALL-RULESET-DISABLED.firewall-off.title": "ファイアウォールの {ruleset} ルールセットが"
                                                    "無効（ファイアウォールはオフ）",
    "FIREWALL-RULESET-DISABLED.firewall-off.detail": "{role} データを通す {ruleset} ルールセット"
                                                     "{ports}が無効です。ホストのファイアウォール"
                                                     "がオフのため現在は何も遮断されていませんが、"
                                                     "オンにすると、このホストとの間の移行は失敗"
                                                     "します。",
}

# The renderers' fixed words. The keys are those of en.LABELS; some are translated here before the
# renderers move their words into en.LABELS (label() falls back to English for a key missing here).
LABELS = {
    "heading.interfaces": "VMkernel インターフェイス",
    "heading.paths": "vMotion データ パス",
    "heading.switches": "スイッチとアップリンク",
    "heading.routes": "netstack ごとのルート",
    "heading.tuning": "Long Distance vMotion の調整",
    "heading.findings": "検出結果：失敗 {fail}、警告 {warn}、情報 {info}、OK {ok}",
    "heading.commands": "コマンド",
    "heading.reachability": "到達性",
    "heading.notes": "注記",
    # aligned as in English: "ホット データ" is two columns narrower than "コールド データ"
    "path.hot": "ホット データ  （メモリ、デバイスの状態）",
    "path.cold": "コールド データ（スナップショット、ディスク、ログ）",
    "word.fix": "対処方法",
    "word.none": "なし",
    "word.unknown": "不明",
    "result.ok": "OK",
    "result.warnings": "警告あり",
    "result.failures": "失敗あり",
    "result.not-determined": "判定不能：{roles} データ パスを特定できませんでした",
    "result.nothing-read": "読み取り不能：コマンドの出力を 1 つも解釈できませんでした",
    "result.line": "結果：{text}（終了ステータス {code}）",
    "severity.fail": "失敗",
    "severity.warn": "警告",
    "severity.info": "情報",
    "severity.ok": "OK",
    # ---- the virtual machines and the firewall (issue 12): text report (t.*) and HTML page
    "t.h.vms": "仮想マシンとホストのファイアウォール",
    "t.vms.count": "仮想マシン {count} 台：稼働中 {on}、パワーオフ {off}、電源状態不明 {unknown}",
    "t.vms.modes": "暗号化された vMotion：{modes}。暗号化された仮想マシン：{encrypted}",
    "t.vms.mode": "{mode} {count}",
    "t.vms.inventory.partial": "一覧は不完全です：仮想マシンまたは一部の .vmx を読めませんでした。",
    "t.vms.inventory.failed": "仮想マシンの一覧（vim-cmd vmsvc/getallvms）を読めませんでした。",
    "t.vms.inventory.not-read": "仮想マシンの一覧（vim-cmd vmsvc/getallvms）は読まれていません。",
    "t.vms.none": "このホストに登録された仮想マシンはありません。",
    "t.vms.more": "ほか {count} 台（JSON と HTML のレポートにはすべて記載）",
    "t.vcol.vm": "仮想マシン",
    "t.vcol.power": "電源",
    "t.vcol.mode": "暗号化された vMotion",
    "t.vcol.networks": "ネットワーク",
    "t.power.on": "オン",
    "t.power.off": "オフ",
    "t.mode.required": "必須",
    "t.mode.opportunistic": "任意",
    "t.mode.disabled": "無効",
    "t.vm-encrypted": "（暗号化された仮想マシン）",
    "t.vm-dvs": "{switch} の {portgroup}",
    "t.vm-opaque": "opaque ネットワーク {network}",
    "t.vm-vmx-not-read": ".vmx を読めず",
    "t.fw.line": "ファイアウォール：{state}。{rulesets}",
    "t.fw.ruleset": "{name} ルールセット：{state}",
    "t.fw.on": "オン",
    "t.fw.off": "オフ",
    "t.fw.enabled": "有効",
    "t.fw.disabled": "無効",
    "sec.vms": "仮想マシン",
    "sec.firewall": "ホストのファイアウォール",
    "vm.col.vmid": "仮想マシン ID",
    "vm.col.name": "仮想マシン",
    "vm.col.power": "電源",
    "vm.col.mode": "暗号化された vMotion",
    "vm.col.encrypted": "暗号化された仮想マシン",
    "vm.col.networks": "アダプタのネットワーク",
    "vm.col.vmx": "構成ファイル（.vmx）",
    "vm.power.on": "オン",
    "vm.power.off": "オフ",
    "vm.mode.required": "必須",
    "vm.mode.opportunistic": "任意",
    "vm.mode.disabled": "無効",
    "vm.dvs": "{switch} の {portgroup}",
    "vm.opaque": "opaque ネットワーク {network}",
    "vm.vmx_not_read": ".vmx を読めず",
    "vm.none": "このホストに登録された仮想マシンはありません。",
    "vm.inventory.partial": "一覧は不完全です：仮想マシンまたは一部の .vmx を読めませんでした。",
    "vm.inventory.failed": "仮想マシンの一覧（vim-cmd vmsvc/getallvms）を読めませんでした。",
    "vm.inventory.not-read": "仮想マシンの一覧（vim-cmd vmsvc/getallvms）は読まれていません。",
    "fw.state": "ファイアウォールは{state}です。",
    "fw.on": "オン",
    "fw.off": "オフ",
    "fw.col.ruleset": "ルールセット",
    "fw.col.enabled": "状態",
    "fw.col.rules": "ルール",
    "fw.enabled": "有効",
    "fw.disabled": "無効",
}
