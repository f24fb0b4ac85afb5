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
    "remedy.static-route": "{netstack} netstack に静的ルートを追加します：",
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
    "reach.bad-name": "vmkping を実行していません：vmknic または netstack の名前 {names} に、vmkping に渡すことのできない文字が含まれています",
    "reach.vmkping-failed": "vmkping を実行できませんでした：{why}",
    "reach.network-unreachable": "ネットワークに到達できません",
    "reach.host-down": "ホストが応答しません",
    "COLLECT-INCOMPLETE.failed": "失敗",
    "COLLECT-INCOMPLETE.unparsed": "解釈不能",
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
    # ---- 出力から切り取られたもの (パーサー、抽出、トランスクリプトの読み取り)
    "cut.edit-mark": "編集の印 {line}",
    "cut.not-understood": "解釈できない行：{line}",
    "cut.value-cut": "手作業で切り詰められた値：{line}",
    "cut.value-cut-column": "列 '{column}' の手作業で切り詰められた値：{value}",
    "cut.interface-name": "有効なインターフェイス名のない行（{value}）",
    "cut.ipv4-cell": "{vmknic}：IPv4 アドレスの欄が切り詰められています",
    "cut.not-ipv4": "{vmknic}：{value} は IPv4 アドレスではありません",
    "cut.not-ipv6": "{vmknic}：IPv6 アドレスとして正しくないアドレス",
    "cut.not-a-tag": "タグとして正しくない値",
    "cut.ip-cell": "{vmknic}：IP アドレスの欄が切り詰められています",
    "cut.unknown-family": "{vmknic}：アドレス ファミリが不明な行",
    "cut.netstack-name": "有効な名前のない netstack",
    "cut.route": "読み取れなかったルート",
    "cut.nic-name": "有効な名前のない NIC の行",
    "cut.switch-name": "名前のないスイッチ",
    "cut.portgroup-name": "名前のないポート グループ",
    "cut.ruleset-name": "有効な名前のないルールセット",
    "cut.vm-row": "Vmid と名前のない仮想マシンの行",
    "cut.running-vm": "World ID と名前のない実行中の仮想マシン",
    "cut.transcript-end": "トランスクリプトがこの出力の途中で終わっているため、最後の行 {line} は読み取られていません",
    "cut.too-long": "出力が {limit} 文字を超えているため、先頭部分のみを読み取りました",
    "cut.not-read-beyond": "プロンプトのように始まる行が多すぎるため、トランスクリプトのこれ以降は読み取られていません",

    # ---- パーサー：出力を解釈できなかった理由 (ParseError、parsers/ と kinds/)
    "parse.because": "。{reason}",
    "parse.no-field": "{field} フィールドがありません",
    "parse.no-field-either": "{field} フィールドも {other} フィールドもありません",
    "parse.no-line": "「{line}」の行がありません",
    "parse.no-header": "「{header}」のヘッダーがありません",
    "parse.not-enabled-disabled": "値が Enabled でも Disabled でもありません：{value}",
    "parse.no-parser": "{kind} を解釈するパーサーがありません",
    "parse.tags-without-vmknic": "タグの出力に対応するインターフェイスが不明です",
    "parse.tags-not-list": "Tags の値が一覧ではありません",
    "parse.tags-cut": "タグの一覧が編集されているか途中で切れています：{reason}",
    "parse.not-gateway": "{value} はゲートウェイのアドレスではありません",
    "parse.vmx-missing": "ファイルが存在しません",
    "parse.vmx-without-path": "VMX ファイルのパスが不明です",
    "parse.vmx-size": "サイズが大きすぎるため、VMX ファイルとして読み取りません",
    "parse.ports-without-world": "ポートの一覧に対応する World ID が不明です",
    "parse.vsish-no-current": "vsish の出力に現在の値がありません",
    "parse.vsish-no-pairs": "vsish -pe の出力にキーと値の組がありません",
    "parse.sbmax-no-number": "sbMax ノードに数値がありません",
    "parse.no-esxcfg-table": "「{column}」列を含む esxcfg の表が見つかりません",
    "parse.no-switch-table": "Switch Name 列または DVS Name 列のある表が見つかりません",
    "parse.binary": "制御文字 {code} を含むバイナリ データです",
    "parse.empty": "出力が空です",
    "parse.not-shape": "{shape} の出力ではありません：{line}",
    "parse.esxcli-error": "esxcli がエラーを返しました：{error}",
    "parse.no-stanza": "「キー: 値」形式の項目が見つかりません{reason}",
    "parse.header-dash-mismatch": "表のヘッダーが区切り線（-----）と一致しません",
    "parse.dash-without-header": "区切り線（-----）の上にヘッダーがありません",
    "parse.no-table": "表（ヘッダーと区切り線）が見つかりません",
    "parse.xml-dtd": "DTD を含む XML は esxcli の出力ではありません",
    "parse.not-xml": "XML として解析できません（{line} 行目、{column} 列目）",
    "parse.xml-no-output": "XML に <output> 要素がありません",
    "parse.xml-no-root": "esxcli の XML に <root> 要素がありません",
    "parse.xml-not-structures": "esxcli の XML で、構造の一覧があるべき位置に構造がありません",
    "parse.not-ping": "ping の出力ではありません",
    "parse.diag-ping-shape": "esxcli network diag ping の出力に Trace も Summary もありません",
    "parse.none-read": "{what}を 1 つも読み取れませんでした{reason}",
    "parse.item.interface": "インターフェイス",
    "parse.item.ipv4-row": "IPv4 アドレスの行",
    "parse.item.netstack": "netstack の項目",
    "parse.item.route": "ルート",
    "parse.item.nic": "NIC の行",
    "parse.item.switch": "スイッチ",
    "parse.item.portgroup": "ポート グループ",
    "parse.item.running-vm": "実行中の仮想マシン",
    "parse.item.ruleset": "ルールセット",
    "parse.item.firewall-rule": "ファイアウォール ルール",

    # ---- 破損したバンドル：読み取れなかったものと、それなしで行うこと (sources/bundle.py)
    "bundle.large-header": "サイズが {size} を超えるヘッダー",
    "bundle.large-uncompressed": "展開後のサイズが {size} を超えるデータ",
    "bundle.large-raw": "合計 {limit} MiB を超える生の出力",
    "bundle.seek-end": "末尾からの読み取りを必要とするアーカイブ",
    "bundle.limit-after": "アーカイブには {count} 個のファイルの後に{what}が含まれているため、"
                          "上限によりそれ以降は読み取っていません",
    "bundle.limit": "アーカイブに{what}が含まれているため、それ以降は読み取っていません",
    "bundle.corrupt-after": "アーカイブは {count} 個のファイルの後で切り詰められているか破損して"
                            "いるため（{error}）、それ以降は読み取れませんでした",
    "bundle.too-many-files": "アーカイブに {limit} 個を超えるファイルが含まれているため、それ以降は"
                             "読み取っていません",
    "bundle.member-unreadable": "{name} を読み取れませんでした（{error}）。アーカイブが切り詰められて"
                                "います",
    "bundle.twice": "{name} がアーカイブに 2 回含まれています。最初のものを使用します",
    "bundle.member-missing": "{name} がありません（アーカイブがその前で終わっているか、読み取りが"
                             "その前で止まっています）",
    "bundle.member-digest": "{name} がマニフェストの SHA-256 と一致しません（改ざんまたは破損）",
    "bundle.member-too-large": "{name} が大きすぎるため（{size} バイト、上限は {limit} MiB）、"
                               "スキップしました",
    "bundle.command-left-out": "{command}：{why}。分析から除外しました",
    "bundle.raw-missing": "生の出力 {file} がありません",
    "bundle.raw-digest": "生の出力 {file} が SHA-256 と一致しません（改ざんまたは破損）",
    "bundle.manifest": "マニフェスト：{what}。{action}",
    "bundle.action.ignored": "この部分は無視しました",
    "bundle.action.left-out": "除外しました",
    "bundle.action.left-out-of-analysis": "分析から除外しました",
    "bundle.action.no-output-usable": "コマンドの出力を 1 つも使用できません",
    "bundle.action.paths-unknown": "計画されたパスは不明です",
    "bundle.action.no-tuning": "チューニングのレポートはありません",
    "bundle.action.peer-left-out": "そのピアは比較から除外しました",
    "bundle.part.not-object": "'{key}' がオブジェクトではありません",
    "bundle.part.not-string": "'{key}' が文字列ではありません",
    "bundle.part.not-string-list": "'{key}' が文字列の一覧ではありません",
    "bundle.part.not-text-list": "'{key}' がテキストの一覧ではありません",
    "bundle.part.not-list": "'{key}' が一覧ではありません",
    "bundle.part.not-bool": "'{key}' が true でも false でもありません",
    "bundle.part.files-entry": "'files' のエントリ {name} は正しくありません",
    "bundle.part.command": "コマンド {index} の記録が正しくありません（{why}）",
    "bundle.part.command-types": "コマンド {index}（{kind}）の {keys} の型が正しくありません",
    "bundle.part.planned": "計画されたパス {index} が vmknic、アドレス、ロールの組ではありません",
    "bundle.part.peer": "ピア {index} がロール、ラベル、MTU を持つアドレスではありません",
    "bundle.part.tune-inputs": "'tune_inputs' に型が正しくないか範囲外の値があります",
    "bundle.part.tune-peer": "'tune_inputs' のピアのチューニングが破損しています",
    "bundle.entry.not-object": "オブジェクトではありません",
    "bundle.entry.unknown-kind": "コマンドの種類 {kind} が不明です",
    "bundle.entry.bad-params": "{kind} のパラメーターが単純な値ではありません",
    "bundle.entry.kind": "{kind}：{why}",
    "bundle.entry.invalid-param": "{key} の値 {value} が正しくありません",
    "bundle.entry.missing-param": "{key} がありません",
    "bundle.entry.bad-target": "ターゲットがアドレスではありません",
    "bundle.entry.no-stream": "{kind} の {stream} のファイル名と SHA-256 が記録されていません",
    "parse.vsish-empty": "vsish の出力が空です",
    "bundle.entry.no-kind": "コマンドの種類がありません",
    "bundle.err.truncated": "データが途中で終わっています",
    "bundle.err.compressed": "圧縮データが破損しています",
    "bundle.err.header": "tar ヘッダーが破損しています",
    "file.no-such-file": "ファイルがありません",
    "file.too-large": "{limit} バイトを超えるため、読み取っていません",
    "file.permission": "アクセス権がありません",
    "file.unreadable": "読み取れませんでした：{error}",
    "file.stalled": "読み取っていません：データストア {datastore} の読み取り（{path}）が {seconds:g} 秒以内に終わりませんでした",
    "note.output-cut": "出力が {limit} MiB を超えたため、そこで打ち切ってコマンドを停止しました",
    "note.os-error": "コマンドを開始できませんでした：{error}",
    "reach.internal-error": "テスト中に内部エラーが発生しました：{error}",

    # ---- コマンドと入力についての注記
    "note.timed-out-short": "タイムアウト",
    "note.timed-out": "{seconds:.1f} 秒でタイムアウト",
    "note.not-found": "コマンドが見つかりません",
    "note.permission": "権限がありません",
    "note.exit": "終了コード {code}{text}",
    "note.exit-text": "：{text}",
    "note.no-vsish": "このホストに vsish がありません（または PATH にありません）",
    "note.vsish-not-root": "読み取れません：{detail}（vsish には root 権限が必要です）",
    "note.vsish-failed": "vsish を実行できませんでした：{why}",
    "note.node-missing": "ノードが存在しません{detail}",
    "note.node-detail": "：{detail}",
    "note.no-secureboot": "このホストに secureBoot.py がありません",
    "note.no-such-command": "この esxcli にはこのコマンドがありません（以前のリリース）",
    "note.superseded": "未使用：同じコマンドが後で異なる出力とともに再度貼り付けられており、後の出力を使用しています",
    "note.partial": "一部のみ：{reasons}",
    "note.reasons": "{reasons}{more}",
    "note.edited": "「{command}」の出力は編集または切り詰められているため、一覧が不完全な可能性があります（{reasons}）",
    "note.not-understood": "出力を解釈できません",
    "note.parser-bug": "出力を解釈できません（{error}）",
    "note.repeated": "「{command}」は異なる出力で {count} 回貼り付けられています。最後の出力を使用します{diffs}",
    "note.differences": "（{diffs}{more}）",
    "note.difference": "{key}：{before} から {after} に変化",
    "diff.hostname": "ホスト名",
    "diff.fqdn": "ホストの FQDN",
    "diff.version": "ESXi のバージョン",
    "diff.build": "ビルド",
    "diff.routes": "{netstack} のルート",
    "diff.route": "{network} {how}",
    "diff.via": "{gateway} 経由",
    "diff.on-link": "オンリンク",
    "diff.default-gateway": "デフォルト ゲートウェイ",
    "diff.sbmax": "{netstack} の sbMax",
    "note.repeated-unreadable": "「{command}」は異なる出力で {count} 回貼り付けられていますが、最後の出力を読み取れないため、それ以前の出力を使用します",
    "note.utf16": "UTF-16 としてデコードしました",
    "note.latin1": "有効な UTF-8 ではないため、Latin-1 としてデコードしました",
    "note.hostname-changed": "セッション中にホスト名が {old} から {new} に変更されました（esxcli system hostname set）",
    "note.too-many-prompt-like": "プロンプトのように始まる行が {limit} 行を超えたため、トランスクリプトの残りは読み取られていません",
    "note.too-many-prompts": "プロンプト行が {limit} 行を超えたため、トランスクリプトの残りは読み取られていません",
    "note.too-many-commands": "コマンドが {limit} 個を超えたため、最初の {limit} 個のみを読み取りました",
    "note.several-hosts": "このトランスクリプトには {count} 台のホスト（{hosts}）のセッションが含まれています。ホストごとにレポートを作成します",
    "note.first-host-only": "ここでは最初のホスト（{host}）のみを読み取ります",
    "note.unknown-encryption-mode": "{vm}：migrate.encryptionMode {value} はこのツールが認識するモード（disabled、opportunistic、required）ではないため、暗号化された vMotion のモードは不明です",
    "note.invalid-vms": "vim-cmd vmsvc/getallvms は無効な仮想マシン {count} 台（Vmid {vmids}）をスキップしました。ホストがそれらの構成を読み取れませんでした",
    "note.refused-interval": "-i {value} は拒否されました",
    "note.interval-retried": "このホストは {interval:g} 秒の間隔（-i）を拒否したため、-i 1 で再度実行しました",
    "note.peer-skipped": "ピアの入力をスキップしました：{problem}",
    "note.capped-peers-given": "ピアが {count} 個指定されましたが、テストするのは最初の {limit} 個のみです（上限）",
    "note.capped-paths-planned": "パスが {count} 個計画されましたが、テストするのは最初の {limit} 個のみです（上限）",

    # ---- compare: both ends of a migration (esxi-diag compare, report/compare.py)
    "compare.no-address": "アドレスなし",
    "compare.reason": "（{reason}）",
    "compare.mtu-end": "vmknic {vmknic} の MTU {mtu}、スイッチ {switch} の MTU {switch_mtu}",
    "compare.mtu-switch-unknown": "vmknic {vmknic} の MTU {mtu}、スイッチの MTU は不明",
    "compare.vlan": "（VLAN {vlan}）",
    "compare.reference": "比較したホスト {of} 台のうち {hosts} 台は {value} です。",
    "compare.setting.rate": "/Migrate/NetExpectedLineRateMBps",
    "compare.setting.threshold": "/Migrate/NetLatencyModeThreshold",
    "compare.setting.sbmax": "sbMax（ホット データの netstack）",
    "compare.lan-pair": "この 2 台のホストは LAN 上にあり、この値は影響しません。影響するのは長距離のペア"
                        "です。",
    "compare.long-pair": "このペアは長距離です（{rtt:.1f} ms）。Long Distance vMotion は両端でこの値から"
                         "ソケット バッファのサイズを決めるため、小さいほうの端が転送を制限します。",
    "compare.unmeasured-pair": "2 台の間のラウンドトリップ時間は測定されていません（'esxi-diag check' "
                               "で測定できます）。長距離では、小さいほうの端が転送を制限します。",
    "compare.over-routed": "ルーティングされた経路",
    "compare.over-long": "長距離の経路（{rtt:.1f} ms）",
    "compare.same-host": "{host} が 2 回指定されました：{used} を比較し、{dropped} は除外しました",
    "compare.check-role": "（{role} データ）",
    "COMPARE-PATH-MISSING.title": "{host} に{role} データのパスがない",
    "COMPARE-PATH-MISSING.detail": "{source} から {destination} への vMotion には、両端に{role} データ"
                                   "用の vmknic が必要ですが、{host} にはありません{reason}。",
    "COMPARE-PATH-UNKNOWN.title": "{host} の{role} データのパスが不明",
    "COMPARE-PATH-UNKNOWN.detail": "{host} のレポートでは{role} データ用の vmknic を特定できません"
                                   "でした{reason}。{source} から {destination} への vMotion が動作"
                                   "するかどうかは不明です。",
    "COMPARE-ADDRESS-UNKNOWN.title": "{from_host} {vmknic} または {to_host} {target_vmknic} のアドレス"
                                     "が不明",
    "COMPARE-ADDRESS-UNKNOWN.detail": "{from_host} {vmknic} と {to_host} {target_vmknic} の間（{role} "
                                      "データ）に共通のアドレス ファミリが見つからず、レポートには"
                                      "すべてのアドレスが記載されていません。互いに到達できるか"
                                      "どうかは不明です。",
    "COMPARE-FAMILY-MISMATCH.title": "{from_host} {vmknic} と {to_host} {target_vmknic} に共通の"
                                     "アドレス ファミリがない",
    "COMPARE-FAMILY-MISMATCH.detail": "{from_host} {vmknic} は {families}、{to_host} {target_vmknic} "
                                      "は {target_families} です。{role} データは両者の間を通れ"
                                      "ません。",
    "COMPARE-DUPLICATE-ADDRESS.title": "{from_host} {vmknic} と {to_host} {target_vmknic} のアドレスが"
                                       "どちらも {address}",
    "COMPARE-DUPLICATE-ADDRESS.detail": "2 台のホストが {address} で応答します。両者の間の vMotion "
                                        "トラフィックは別のホストに届くか、どこにも届きません。",
    "COMPARE-NOT-ROUTABLE.title": "{from_host} {vmknic} から {to_host} {target} へのルートがない"
                                  "（{role} データ）",
    "COMPARE-NOT-ROUTABLE.detail": "{from_host} 自身のルーティングでは、{why}。vMotion では、{role} "
                                   "データが 2 台のホストの間を双方向に通る必要があります。",
    "COMPARE-ROUTING-UNKNOWN.title": "{from_host} {vmknic} から {to_host} {target} に到達できるか"
                                     "どうか不明",
    "COMPARE-ROUTING-UNKNOWN.detail": "{why}（{role} データ）。",
    "COMPARE-MTU-UNKNOWN.title": "{host} {vmknic} の MTU が不明",
    "COMPARE-MTU-UNKNOWN.detail": "{host} のレポートには、{role} データの vmknic {vmknic} の MTU が"
                                  "ありません。両端が同じ MTU かどうかは不明です。",
    "COMPARE-MTU-MISMATCH.title": "{role} データの MTU が異なる：{source} は {src_mtu}、"
                                  "{destination} は {dst_mtu}",
    "COMPARE-MTU-MISMATCH.detail": "{source} は {src_mtu} バイトのフレームを送信し（{src_end}）、"
                                   "{destination} は {dst_mtu} バイトのフレームを送信します"
                                   "（{dst_end}）。vMotion にはエンドツーエンドで同じ MTU が必要です。"
                                   "大きいほうの端からの大きなフレームは、小さいほうの端または両者の"
                                   "間のネットワークで破棄され、転送が停滞するか極端に遅くなります。",
    "COMPARE-CHECK-FAILED.title": "{tester} のチェック {vmknic} -> {target}（{label}）が失敗",
    "COMPARE-CHECK-FAILED.detail": "{tester} で 'esxi-diag check' が測定しました{role_part}："
                                   "{detail}。",
    "COMPARE-VMS-UNKNOWN.absent.title": "{host} の仮想マシンが不明",
    "COMPARE-VMS-UNKNOWN.absent.detail": "{host} のレポートには仮想マシンの情報がありません（古い "
                                         "esxi-diag で作成されたか、仮想マシンのコマンドを含まない"
                                         "トランスクリプトです）。その仮想マシンのネットワークが"
                                         "ほかのホストにあるかどうかは不明です。",
    "COMPARE-VMS-UNKNOWN.not-read.title": "{host} の仮想マシンを読み取れなかった",
    "COMPARE-VMS-UNKNOWN.not-read.detail": "{host} の仮想マシンのインベントリを読み取れませんでした。"
                                           "その仮想マシンのネットワークがほかのホストにあるかどうか"
                                           "は不明です。",
    "COMPARE-VMS-UNKNOWN.partial.title": "{host} の仮想マシンの一覧が不完全",
    "COMPARE-VMS-UNKNOWN.partial.detail": "{host} の仮想マシンのインベントリは一部しか読み取れません"
                                          "でした。一覧にある仮想マシンは比較しましたが、ほかは不明"
                                          "です。",
    "COMPARE-VM-NETWORK-MISSING.title": "ポートグループ {network} が {destination} にない",
    "COMPARE-VM-NETWORK-MISSING.detail": "{source} の {vms} は、{destination} にないポートグループを"
                                         "使用しています：{network}{vlan}。vCenter は仮想マシンの"
                                         "ネットワークをラベルで対応付け、仮想マシン ネットワークは"
                                         "移行先に存在する必要があります（L2 のみ）。これらの仮想"
                                         "マシンの {destination} への vMotion は失敗します。",
    "COMPARE-VM-NETWORK-MISSING.off.title": "ポートグループ {network} が {destination} にない（パワー"
                                            "オフの仮想マシン）",
    "COMPARE-VM-NETWORK-MISSING.off.detail": "{source} の {vms}（パワーオフ）は、{destination} に"
                                             "ないポートグループを使用しています：{network}{vlan}。"
                                             "{destination} へのコールド マイグレーションでは別の"
                                             "ネットワークを選ぶ必要があり、仮想マシンは本来の"
                                             "ネットワークなしで起動します。",
    "COMPARE-VLAN-MISMATCH.title": "ポートグループ {network}：{source} では VLAN {src_vlan}、"
                                   "{destination} では {dst_vlan}",
    "COMPARE-VLAN-MISMATCH.detail": "{source} の {vms} は、{destination} への vMotion 後もラベル "
                                    "{network} のまま VLAN {dst_vlan} に接続されます。これは別の L2 "
                                    "ネットワークであり、通信が切れます。{reference}",
    "COMPARE-VLAN-MISMATCH.off.title": "ポートグループ {network}：{source} では VLAN {src_vlan}、"
                                       "{destination} では {dst_vlan}（パワーオフの仮想マシン）",
    "COMPARE-VLAN-MISMATCH.off.detail": "{source} の {vms}（パワーオフ）は、{destination} への移行後、"
                                        "VLAN {src_vlan} ではなく VLAN {dst_vlan} で起動します。"
                                        "{reference}",
    "COMPARE-VM-DVS-MISSING.title": "{destination} が分散スイッチ {switch} に参加していない",
    "COMPARE-VM-DVS-MISSING.detail": "{source} の {vms} は分散スイッチ {switch}（UUID {uuid}）に接続"
                                     "されていますが、{destination} はその分散スイッチに参加して"
                                     "いません。これらの仮想マシンの {destination} への vMotion は"
                                     "失敗します。",
    "COMPARE-VM-DVS-MISSING.off.title": "{destination} が分散スイッチ {switch} に参加していない"
                                        "（パワーオフの仮想マシン）",
    "COMPARE-VM-DVS-MISSING.off.detail": "{source} の {vms}（パワーオフ）は分散スイッチ {switch}"
                                         "（UUID {uuid}）に接続されていますが、{destination} は"
                                         "その分散スイッチに参加していません。コールド マイグレー"
                                         "ションでは別のネットワークを選ぶ必要があります。",
    "COMPARE-VM-NETWORK-UNKNOWN.vmx.title": "{source} の {vms} のネットワークが不明",
    "COMPARE-VM-NETWORK-UNKNOWN.vmx.detail": "構成ファイル（.vmx）を読み取れませんでした。その"
                                             "ネットワークが {destination} にあるかどうかは不明です。",
    "COMPARE-VM-NETWORK-UNKNOWN.opaque.title": "{source} の {vms} の NSX ネットワークは比較しない",
    "COMPARE-VM-NETWORK-UNKNOWN.opaque.detail": "NSX（opaque）ネットワークを使用しており、ホストの"
                                                "レポートでは対応付けられません。{destination} に"
                                                "そのネットワークがあるかどうかは不明です。",
    "COMPARE-VM-NETWORK-UNKNOWN.destination.title": "{destination} のポートグループが不明",
    "COMPARE-VM-NETWORK-UNKNOWN.destination.detail": "{destination} のポートグループの一覧は読み"
                                                     "取られていません。{source} の {vms} の"
                                                     "ネットワークがそこにあるかどうかは不明です。",
    "COMPARE-VM-NETWORK-UNKNOWN.dvs.title": "{destination} の分散スイッチが不明",
    "COMPARE-VM-NETWORK-UNKNOWN.dvs.detail": "{destination} の分散スイッチ（またはその UUID）は読み"
                                             "取られていません。{source} の {vms} がそこで接続先の"
                                             "分散スイッチを見つけられるかどうかは不明です。",
    "COMPARE-TUNING-UNKNOWN.title": "{hosts} の {setting} が不明",
    "COMPARE-TUNING-UNKNOWN.detail": "レポートに {hosts} の {setting} がありません。両端が同じように"
                                     "調整されているかどうかは不明です。",
    "COMPARE-TUNING-DIFFERS.rate.title": "NetExpectedLineRateMBps が異なる：{source} は {src_value}、"
                                         "{destination} は {dst_value}",
    "COMPARE-TUNING-DIFFERS.rate.detail": "{setting} は {source} では {src_value} MB/s、{destination} "
                                          "では {dst_value} MB/s です。{where}{reference}",
    "COMPARE-TUNING-DIFFERS.threshold.title": "NetLatencyModeThreshold が異なる：{source} は "
                                              "{src_value} ms、{destination} は {dst_value} ms",
    "COMPARE-TUNING-DIFFERS.threshold.detail": "{setting} は {source} では {src_value} ms、"
                                               "{destination} では {dst_value} ms です。両端は異なる"
                                               "ラウンドトリップ時間でレイテンシ対応モードに切り替わり"
                                               "ます。{where}{reference}",
    "COMPARE-TUNING-DIFFERS.sbmax.title": "sbMax が異なる：{source} は {src_value}、{destination} は "
                                          "{dst_value}",
    "COMPARE-TUNING-DIFFERS.sbmax.detail": "{setting} は {source}（{src_netstack}）では {src_value} "
                                           "バイト、{destination}（{dst_netstack}）では {dst_value} "
                                           "バイトです。{where}{reference}",
    "COMPARE-RELEASE-NO-SBMAX.title": "{host}（{release}）には sbMax がない",
    "COMPARE-RELEASE-NO-SBMAX.detail": "sbMax は vSphere 6.7 Update 1 から引き上げられます。{host} は "
                                       "{release} のため、ソケット バッファを {other}（{netstack} "
                                       "netstack）の {value} バイトに合わせられません。両者の間の "
                                       "Long Distance vMotion は小さいほうのバッファで動作します。",
    "COMPARE-CLEARTEXT-VMOTION.title": "{vms} が {source} から {destination} へ暗号化されずに移行"
                                       "される",
    "COMPARE-CLEARTEXT-VMOTION.detail": "{vms} では暗号化された vMotion が無効です。そのメモリと"
                                        "デバイスの状態は、{how}を暗号化されずに通ります。",
    "COMPARE-CLEARTEXT-VMOTION.unmeasured.title": "{vms} は {source} から {destination} へ暗号化"
                                                  "されずに移行する",
    "COMPARE-CLEARTEXT-VMOTION.unmeasured.detail": "{vms} では暗号化された vMotion が無効です。"
                                                   "ホスト間の経路がルーティングされているか長距離"
                                                   "かは不明です（'esxi-diag check' で分かります）。"
                                                   "そうであれば、そのメモリは暗号化されずに経路を"
                                                   "通ります。",
    "COMPARE-CLEARTEXT-VMOTION.opportunistic.title": "{vms} が {source} から {destination} へ暗号化"
                                                     "されずに移行される",
    "COMPARE-CLEARTEXT-VMOTION.opportunistic.detail": "{vms} の暗号化された vMotion は「任意」で、"
                                                      "移行先が暗号化できない場合は暗号化なしで移行"
                                                      "します。{destination} は {release} で、暗号化"
                                                      "された vMotion は 6.5 からの機能です。",
    "COMPARE-ENCRYPTION-REQUIRED.title": "{source} の {vms} には暗号化された vMotion が必要",
    "COMPARE-ENCRYPTION-REQUIRED.detail": "これらは暗号化された vMotion でのみ移行します（「必須」、"
                                          "または暗号化された仮想マシン）。{destination}（{release}）"
                                          "は対応しています。暗号化された仮想マシンには、"
                                          "{destination} からキー プロバイダに到達できることも必要"
                                          "です。",
    "COMPARE-ENCRYPTION-REQUIRED.unknown-release.title": "{source} の {vms} には暗号化された "
                                                         "vMotion が必要",
    "COMPARE-ENCRYPTION-REQUIRED.unknown-release.detail": "これらは暗号化された vMotion（ESXi 6.5 "
                                                          "以降）でのみ移行します。{destination} "
                                                          "のリリースは不明です。",
    "COMPARE-ENCRYPTION-REQUIRED.unsupported.title": "{vms} は {source} から {destination} へ移行"
                                                     "できない",
    "COMPARE-ENCRYPTION-REQUIRED.unsupported.detail": "これらには ESXi 6.5 からの機能である暗号化"
                                                      "された vMotion が必要ですが、{destination} は "
                                                      "{release} です。",
    "remedy.compare-see-host-report": "まず {host} で修正します（そのホストのレポートの検出結果 "
                                      "{fid}）",
    "remedy.compare-same-family": "両方の vmknic に同じファミリ（IPv4 または IPv6）のアドレスを設定"
                                  "します",
    "remedy.compare-readdress": "どちらかに別のアドレスを設定します。vMotion の vmknic にはそれぞれ"
                                "固有のアドレスが必要です",
    "remedy.compare-mtu-raise": "エンドツーエンドで {mtu} を使用するには（ホスト間のすべてのスイッチ"
                                "とルータがこれを通す必要があります）、{host} で次を実行します：",
    "remedy.compare-mtu-lower": "または、エンドツーエンドで {mtu} を使用するには、{host} で次を実行"
                                "します：",
    "remedy.compare-mtu-verify": "その後、{host} から確認します：",
    "remedy.compare-see-check": "対処方法は {host} のチェック レポートにあります",
    "remedy.compare-reproduce": "{host} で再現します：",
    "remedy.compare-join-dvs": "vCenter で、{host} を分散スイッチ {switch} に追加するか、これらの"
                               "仮想マシンを {host} にあるネットワークに接続します",
    "remedy.compare-either": "両方のホストで {value} を使用するには、{host} で次を実行します：",
    "remedy.compare-or": "または、両方で {value} を使用するには、{host} で次を実行します：",
    "remedy.compare-sbmax-persist": "（次回の再起動で元に戻ります。そのホストで 'esxi-diag tune "
                                    "--apply --persist' を実行すると保持されます）",
    "remedy.compare-upgrade": "{host} を ESXi {release} 以降にアップグレードします",
    "remedy.compare-encrypt-vms": "これらの仮想マシンの暗号化された vMotion を「任意」または「必須」"
                                  "に設定する（vSphere Client の [設定の編集] の [仮想マシン "
                                  "オプション] の [暗号化]）か、vMotion を隔離されたネットワーク"
                                  "または IPsec で保護します",
    # ---- tune --apply と --rollback の結果 (change/apply.py)
    "apply.nothing": "変更する値はありません",
    "apply.nothing-not-persistent": "現時点で変更する値はありません。ただし永続化されません：UEFI セキュア ブートが有効なため、/etc/rc.local.d/local.sh は起動時に実行されません。sbMax は再起動のたびに設定し直す必要があります",
    "apply.not-persistent": "適用して確認しましたが、永続化されません：UEFI セキュア ブートが有効なため、/etc/rc.local.d/local.sh は起動時に実行されず、変更もしていません。sbMax は次回の再起動で以前の値に戻ります",
    "apply.persist-unsure": "適用して確認しました。sbMax を /etc/rc.local.d/local.sh に書き込みましたが、セキュア ブートの状態を読み取れませんでした。有効な場合、local.sh は起動時に実行されません",
    "apply.applied": "適用して確認しました",
    "apply.failed": "{why}。{outcome}{journal}",
    "apply.restored": "以前の値に戻しました",
    "apply.not-restored": "以前の値をすべては戻せませんでした：{problems}",
    "apply.journal-not-updated": "（ジャーナル {path} も更新できませんでした）",
    "apply.rollback-incomplete": "ロールバックが完了していません：{problems}",
    "apply.rolled-back": "ロールバックして確認しました{changed}{journal}",
    "apply.changed-since": "（適用後に手動で変更されていました：{what}。それでもジャーナルに記録された以前の値に戻しました）",
    "apply.rollback-journal-not-updated": "（ジャーナルを更新できませんでした）",
}

# The renderers' fixed words: exactly the keys of en.LABELS (the HTML page, then the text report
# "t.*"). Severities stay FAIL / WARN / INFO / OK in both renderers: they are tokens, like the
# finding IDs beside them, that support engineers grep for in reports of any language (失敗 also
# occurs in the prose of messages: "vmkping が失敗"); headings, the legend and the result line say
# in Japanese what they mean. Units, option and netstack names stay as they are.
LABELS = {
    # ---- the HTML page (render/html.py)
    # page frame
    "doc.title": "esxi-diag {command} レポート：{host}",
    "head.kicker": "esxi-diag {version} \u00b7 {command} レポート",
    "head.host_unknown": "ホスト名不明",
    "head.esxi": "ESXi",
    "head.product": "VMware ESXi",
    "head.source": "取得元",
    "head.generated": "作成日時",
    "head.secure_boot": "UEFI セキュア ブート",
    "head.result": "結果",
    "head.exit": "（終了ステータス {status}）",
    "head.counts": "検出結果：FAIL {fail} 件、WARN {warn} 件、INFO {info} 件、OK {ok} 件",
    "nav.label": "目次",
    "footer.made": "esxi-diag {version} が JSON レポート（スキーマ {schema}）から作成しました。この"
                   "ページは単独で完結しており、スクリプトも外部リソースも使用しません。",
    # values
    "unknown": "不明",
    "yes": "はい",
    "no": "いいえ",
    "none": "なし",
    "not_read": "未取得",
    "unavailable": "利用不可",
    "not_tested": "未テスト",
    "no_reply": "応答なし",
    "on_link": "オンリンク",
    "default_route": "デフォルト",
    "default_route_v6": "デフォルト（IPv6）",
    "na_distributed": "該当なし（分散スイッチ）",
    "enabled.false": "無効",
    "list.sep": "、",
    # punctuation the page puts between its parts: no blank after 。 or around full-width marks
    "sep.sentence": "",
    "sep.clause": "、",
    "sep.label": "：",
    "paren": "（{text}）",
    # units
    "unit.ms": "{value} ms",
    "unit.mbit": "{value} Mb/s",
    "unit.gbit": "{value} Gb/s",
    "unit.MBps_gbit": "{value} MB/s（{gbit} Gbit/s）",
    "unit.bytes": "{value} バイト",
    "unit.bytes_mib": "{value} バイト（{mib} MiB）",
    "unit.pct": "{value}%",
    "unit.mtu": "MTU {value}",
    # version and source
    "version.update": "Update {update}",
    "version.build": "（ビルド {build}）",
    "source.live": "このホスト",
    "source.simulated": "シミュレートされたホスト（プロファイル {name}）",
    "source.transcript": "トランスクリプト {name}",
    "source.bundle": "サポート バンドル {name}（書き出し {created}、esxi-diag {written_by}）",
    "source.recorded_sim": "記録元：プロファイル {name} のシミュレートされたホスト",
    "source.recorded_live": "記録元：ホスト自体",
    "source.case": "ケース {case}",
    "source.localcli": "esxcli が失敗したため localcli で読み取り",
    # results
    "result.0": "OK、警告なし",
    "result.1": "警告あり",
    "result.2": "失敗あり",
    "result.3": "実行できませんでした",
    "result.other": "終了ステータス {status}",
    "result.nothing_read": "読み取り不能：コマンドの出力を 1 つも解釈できませんでした",
    "result.undetermined": "判定不能：{paths} データ パスを特定できませんでした",
    "result.and": "および",
    "tune.result": "調整：{result}",
    # sections
    "sec.notes": "入力に関する注記",
    "sec.paths": "vMotion データ パス",
    "sec.findings": "検出結果",
    "sec.vmknics": "VMkernel インターフェイス",
    "sec.switches": "スイッチとアップリンク",
    "sec.nics": "物理 NIC",
    "sec.routes": "ルート",
    "sec.reach": "ピアへの vMotion パス",
    "sec.probes": "ping の結果",
    "sec.tuning": "Long Distance vMotion の調整",
    "sec.tune": "推奨される調整",
    "sec.commands": "付録：コマンド",
    # diagram
    "diagram.intro": "ホット データ（メモリ、デバイスの状態）とコールド データ（スナップショット、"
                     "ディスク、ログ）のそれぞれについて、各 VMkernel ポートから netstack、スイッチ、"
                     "アップリンクを経て、そのポートからテストしたピアまでを示します。テストしたパス"
                     "ごとに 1 本の線で示し、判定に応じて色とラベルを付けています。",
    "diagram.title": "{host} の vMotion データ パス",
    "diagram.col.vmknic": "VMkernel ポート",
    "diagram.col.netstack": "netstack",
    "diagram.col.switch": "スイッチ",
    "diagram.col.uplinks": "アップリンク",
    "diagram.col.peers": "ピア（テストしたパス）",
    "diagram.hot": "ホット データ",
    "diagram.hot.what": "メモリ、デバイスの状態",
    "diagram.cold": "コールド データ",
    "diagram.cold.what": "スナップショット、ディスク、ログ",
    "diagram.rule": "選択規則：{basis}",
    "diagram.netstack": "netstack",
    "diagram.no_vmknic.hot": "ホット データ用の vmknic なし",
    "diagram.no_vmknic.cold": "コールド データ用の vmknic なし",
    "diagram.undetermined.hot": "ホット データ パス：判定不能",
    "diagram.undetermined.cold": "コールド データ パス：判定不能",
    "diagram.switch_unknown": "スイッチ不明",
    "diagram.no_uplinks": "アップリンクなし",
    "diagram.uplinks_unknown": "アップリンク不明",
    "diagram.link_up": "アップ",
    "diagram.link_down": "ダウン",
    "diagram.not_tested": "テストしたピアなし",
    "diagram.path_title": "{vmknic} から {target}：{verdict}",
    "diagram.path_title_label": "{vmknic} から {target}（{label}）：{verdict}",
    "legend.title": "凡例",
    "legend.ok": "正常：パスは動作します",
    "legend.warn": "警告：動作しますが問題があります",
    "legend.fail": "失敗：このパスでは vMotion が失敗します",
    "legend.info": "未テストまたは不明",
    "legend.link": "リンク（テストしたピアなし）",
    # data paths table
    "dp.role": "データ",
    "dp.vmknics": "VMkernel ポート",
    "dp.netstack": "netstack",
    "dp.rule": "選択規則",
    "dp.reason": "理由",
    "dp.remarks": "備考",
    "dp.hot": "ホット（メモリ、デバイスの状態）",
    "dp.cold": "コールド（スナップショット、ディスク、ログ）",
    "dp.inactive": "タグが機能していない：{names}",
    "dp.disabled": "タグ付きだが無効：{names}",
    "dp.unknown_tags": "タグ未収集：{names}",
    "dp.ignored": "タグの効果なし：{names}",
    "basis.vmotion-netstack": "vmotion netstack",
    "basis.vmotion-tag": "VMotion タグ",
    "basis.provisioning-netstack": "vSphereProvisioning netstack",
    "basis.provisioning-tag": "vSphereProvisioning タグ",
    "basis.management": "管理 vmkernel ポートへのフォールバック",
    "basis.none": "なし",
    "basis.unknown": "判定不能",
    # severities and verdicts
    "sev.ok": "OK",
    "sev.info": "INFO",
    "sev.warn": "WARN",
    "sev.fail": "FAIL",
    "verdict.ok": "OK",
    "verdict.not-routable": "ルートなし",
    "verdict.unreachable": "到達不能",
    "verdict.local-mtu": "ローカルの MTU 不足",
    "verdict.path-mtu": "パス上で大きなフレームを破棄",
    "verdict.loss": "パケット損失",
    "verdict.beyond-150ms": "RTT が 150 ms を超過",
    "verdict.vmkping-error": "vmkping エラー",
    "verdict.wrong-netstack": "誤った netstack",
    "verdict.interrupted": "中断",
    "verdict.untested": "未テスト",
    "verdict.not-measured": "未測定",
    "verdict.stack-not-configured": "netstack 未構成",
    # findings
    "f.severity": "重大度",
    "f.id": "ID",
    "f.finding": "内容",
    "f.remedy": "対処方法",
    "f.subjects": "対象：{names}",
    "f.none": "検出結果はありません。",
    # vmknics
    "vmk.name": "名前",
    "vmk.role": "vMotion データ",
    "vmk.netstack": "netstack",
    "vmk.mtu": "MTU",
    "vmk.addresses": "アドレス",
    "vmk.gateway": "ゲートウェイ {gateway}",
    "vmk.switch": "スイッチ / ポート グループ",
    "vmk.tags": "タグ",
    "vmk.enabled": "有効",
    "vmk.no_ipv4": "IPv4 なし",
    "vmk.ipv4_unknown": "IPv4 不明",
    "vmk.none_known": "VMkernel インターフェイスの情報がありません。",
    "role.hot": "ホット",
    "role.cold": "コールド",
    # switches and nics
    "sw.name": "スイッチ",
    "sw.type": "種類",
    "sw.mtu": "MTU",
    "sw.uplinks": "アップリンク",
    "sw.portgroups": "ポート グループ",
    "sw.standard": "標準スイッチ",
    "sw.distributed": "分散スイッチ",
    "sw.none_known": "スイッチの情報がありません。",
    "nic.name": "NIC",
    "nic.link": "リンク",
    "nic.admin": "管理状態",
    "nic.speed": "速度",
    "nic.duplex": "デュプレックス",
    "nic.mtu": "MTU",
    "nic.driver": "ドライバ",
    "nic.mac": "MAC",
    "nic.description": "説明",
    "nic.up": "アップ",
    "nic.down": "ダウン",
    "nic.none_known": "物理 NIC の情報がありません。",
    # routes
    "rt.netstack": "netstack",
    "rt.destination": "宛先",
    "rt.gateway": "ゲートウェイ",
    "rt.interface": "インターフェイス",
    "rt.source": "ソース",
    "rt.none": "レポートにルートはありません。",
    "rt.default_gateway": "デフォルト ゲートウェイ（esxcfg-route）：{gateway}",
    # reachability
    "re.summary": "パス {paths} 個（ピア {peers} 台）。",
    "re.ldvm": "Long Distance vMotion に該当：{value}。",
    "re.worst": "{value}（最大ラウンドトリップ時間 {rtt}、しきい値 {threshold}）",
    "re.hot": "ホット データ：{value}。",
    "re.cold": "コールド データ：{value}。",
    "re.all_ok": "すべてのパスが OK",
    "re.failing": "失敗あり",
    "re.interrupted": "チェックが中断されました。完了していないパスにはその旨を示しています。",
    "re.path": "パス",
    "re.path_value": "{vmknic} \u2192 {target}",
    "re.via": "{netstack} netstack、{routing}",
    "re.verdict": "判定",
    "re.rtt": "ラウンドトリップ時間",
    "re.loss": "損失",
    "re.df": "フラグメント禁止（DF）",
    "re.notes": "詳細",
    "re.rtt_value": "{min}\u2013{max}、応答 {count} 個",
    "re.df_value": "{payload} バイト：{result}",
    "re.df_1472": "1472 バイト：{result}",
    "re.pmtu": "通過する最大ペイロード {payload}",
    "re.passed": "通過",
    "re.lost": "不通",
    "re.peer_mtu": "MTU：このホストは {mtu}、ピアは {peer_mtu}",
    "re.latency.lan": "LAN 程度の遅延",
    "re.latency.long-distance": "長距離の遅延",
    "re.latency.beyond-supported": "150 ms を超える遅延",
    "routing.on-link": "オンリンク",
    "routing.static-route": "静的ルート",
    "routing.vmknic-gateway": "vmknic のゲートウェイ",
    "routing.netstack-gateway": "netstack のゲートウェイ",
    "routing.not-routable": "ルートなし",
    "routing.unknown": "ルーティング不明",
    "routing.via": "{kind} {gateway}",
    # probes
    "pr.from": "送信元",
    "pr.netstack": "netstack",
    "pr.to": "宛先",
    "pr.payload": "ペイロード",
    "pr.df": "DF",
    "pr.received": "受信 / 送信",
    "pr.loss": "損失",
    "pr.rtt": "RTT 最小 / 平均 / 最大",
    "pr.error": "エラー",
    # tuning
    "tu.setting": "設定",
    "tu.value": "値",
    "tu.range": "デフォルト {default}、範囲 {min}\u2013{max}",
    "tu.default": "デフォルト {default}",
    "tu.sbmax": "sbMax（{netstack}）",
    "tu.sbmax_hot": "sbMax（{netstack} netstack、ホット データ）",
    "tu.sbmax_any": "sbMax",
    "tu.current": "現在の値",
    "tu.recommended": "推奨値",
    "tu.action": "操作",
    "tu.change": "変更",
    "tu.keep": "維持",
    "tu.line_rate": "ライン レート",
    "tu.rtt": "ラウンドトリップ時間",
    "tu.basis": "根拠：{basis}",
    "tu.why": "理由",
    "tu.notes": "注記",
    "tu.commands": "コマンド（ドライ ランのため何も変更していません。tune --apply を指定すると、root "
                   "として実行し、ジャーナルに記録します）",
    "tu.persist": "--persist を指定すると、/etc/rc.local.d/local.sh の最後の exit 0 の前に次を追加"
                  "し、その後 /sbin/auto-backup.sh を実行します：",
    "tu.nothing": "変更する項目はありません。",
    "tu.outcome": "{action}：{message}",
    "tu.journal": "ジャーナル：{journal}",
    "tu.no_plan": "このレポートには調整プランがありません。",
    # commands
    "cmd.n": "#",
    "cmd.command": "コマンド",
    "cmd.status": "状態",
    "cmd.exit": "終了コード",
    "cmd.duration": "所要時間",
    "cmd.note": "備考",
    "cmd.counts": "コマンド {total} 個を読み取り：解釈済み {parsed}、解釈不能 {unparsed}、失敗 {failed}、"
                  "利用不可 {unavailable}。",
    "cmd.timed_out": "タイムアウト",
    "cmd.via_localcli": "localcli で実行",
    "cmd.unrecognised": "認識できないコマンド（スキップ）",
    "cmd.none": "レポートにコマンドはありません。",
    "status.parsed": "解釈済み",
    "status.unparsed": "解釈不能",
    "status.failed": "失敗",
    "status.unavailable": "利用不可",
    # ---- the text report (render/text.py). Column headers stay short: a Japanese character
    # takes two of the 100 columns.
    "t.title": "esxi-diag {version} {command}：{host}",
    "t.host-line": "{name}（{version}）",
    "t.unknown-host": "ホスト名不明",
    "t.esxi-version": "VMware ESXi {version}",
    "t.esxi-update": " Update {update}",
    "t.esxi-build": "、ビルド {build}",
    "t.esxi-unknown": "ESXi のバージョン不明",
    "t.source-line": "取得元：{source}。作成日時：{generated}",
    "t.source-bundle": "バンドル {name}（書き出し {created}、esxi-diag {written_by}、記録元：{origin}）",
    "t.unknown-time": "日時不明",
    "t.from-simulated": "プロファイル {name} のシミュレートされたホスト",
    "t.from-host": "ホスト自体",
    "t.case": "、ケース {case}",
    "t.localcli": "。esxcli が失敗したため localcli で読み取り",
    "t.note": "注記：{text}",
    "t.yes": "はい",
    "t.no": "いいえ",
    "t.none": "なし",
    "t.none-known": "情報なし",
    "t.not-known": "不明",
    "t.list-sep": "、",
    "t.list-sep2": "、",
    "t.and": "および",
    "t.role.hot": "ホット",
    "t.role.cold": "コールド",
    "t.h.vmknics": "VMkernel インターフェイス",
    "t.h.paths": "vMotion データ パス",
    "t.h.switches": "スイッチとアップリンク",
    "t.h.routes": "netstack ごとのルート",
    "t.h.tuning": "Long Distance vMotion の調整",
    "t.h.peers": "ピアへの vMotion パス",
    "t.h.pings": "ping の結果",
    "t.h.recommended": "推奨される Long Distance vMotion の調整（'tune' で適用します）",
    "t.h.findings": "検出結果：FAIL {fail} 件、WARN {warn} 件、INFO {info} 件、OK {ok} 件",
    "t.h.commands": "コマンド",
    "t.h.measured": "測定したホット データ パス",
    "t.col.vmk": "vmk",
    "t.col.on": "有効",
    "t.col.netstack": "netstack",
    "t.col.mtu": "MTU",
    "t.col.address": "アドレス",
    "t.col.gateway": "ゲートウェイ",
    "t.col.role": "vMotion データ",
    "t.dvport": " DVPort {port}",
    "t.opaque": " 不透明ネットワーク {network}",
    "t.switch-tags": "スイッチ：{where}、タグ：{tags}",
    # aligned as in English: "ホット データ" is two columns narrower than "コールド データ"
    "t.path.hot": "ホット データ  （メモリ、デバイスの状態）",
    "t.path.cold": "コールド データ（スナップショット、ディスク、ログ）",
    "t.on-netstack": "{vmknics}（{netstack} netstack）",
    "t.rule": "選択規則：{basis}（{reason}）",
    "t.basis.vmotion-netstack": "vmotion netstack",
    "t.basis.vmotion-tag": "VMotion タグ",
    "t.basis.provisioning-netstack": "vSphereProvisioning netstack",
    "t.basis.provisioning-tag": "vSphereProvisioning タグ",
    "t.basis.management": "管理 vmkernel ポートへのフォールバック",
    "t.basis.none": "なし",
    "t.basis.unknown": "不明",
    "t.uplink-up": "{nic} {speed} Mb/s MTU {mtu}",
    "t.uplink-down": "{nic} ダウン",
    "t.switch-head": "{name}（{type}、MTU {mtu}）：",
    "t.no-uplinks": "アップリンクなし",
    "t.route": "{dest} {how}（{vmknic}）",
    "t.route-stack": "{netstack}：{routes}",
    "t.route-default": "デフォルト",
    "t.route-ipv6": "（IPv6）",
    "t.route-via": "{gateway} 経由",
    "t.route-on-link": "オンリンク",
    "t.route-cut": "、途中で切れたテーブルから",
    "t.bytes": "{n} バイト（{mib:.1f} MiB）",
    "t.rate": "{current} MB/s（{gbit:.1f} Gbit/s）",
    "t.rate-default": "、デフォルト {default}",
    "t.rate-range": "、範囲 {min}-{max}",
    "t.ms": "{ms:g} ms",
    "t.hot-mark": "、ホット データ用",
    "t.pcol.from": "vmk",
    "t.pcol.netstack": "netstack",
    "t.pcol.to": "宛先",
    "t.pcol.payload": "サイズ",
    "t.pcol.recv": "受信/送信",
    "t.pcol.loss": "損失",
    "t.pcol.rtt": "RTT 最小/平均/最大",
    "t.pcol.error": "エラー",
    "t.reach-summary": "パス {paths} 個（ピア {peers} 台）。Long Distance vMotion に該当：{ldvm}。"
                       "ホット データ：{hot}。コールド データ：{cold}。",
    "t.reach-worst": "（最大ラウンドトリップ時間 {rtt:.1f} ms、しきい値 {threshold:g} ms）",
    "t.reach-all-ok": "すべてのパスが OK",
    "t.reach-failing": "失敗あり",
    "t.verdict.ok": "OK",
    "t.verdict.not-routable": "ルートなし",
    "t.verdict.unreachable": "到達不能",
    "t.verdict.local-mtu": "ローカルの MTU 不足",
    "t.verdict.path-mtu": "パス上で大きなフレームを破棄",
    "t.verdict.loss": "パケット損失",
    "t.verdict.beyond-150ms": "RTT が 150 ms を超過",
    "t.verdict.vmkping-error": "vmkping エラー",
    "t.verdict.wrong-netstack": "誤った netstack",
    "t.verdict.interrupted": "中断",
    "t.verdict.untested": "未テスト",
    "t.verdict.not-measured": "未測定",
    "t.verdict.stack-not-configured": "netstack 未構成",
    "t.routing.on-link": "オンリンク",
    "t.routing.static-route": "静的ルート",
    "t.routing.vmknic-gateway": "vmknic のゲートウェイ",
    "t.routing.netstack-gateway": "netstack のゲートウェイ",
    "t.routing.not-routable": "ルートなし",
    "t.routing.unknown": "ルーティング不明",
    "t.via": "{netstack} netstack、{routing}",
    "t.rtt": "RTT {avg:.2f} ms（{min:.2f}-{max:.2f}、プローブ {count} 個、損失 {loss:g}%）",
    "t.df": "DF {size} バイト：{result}",
    "t.df-1472": "DF 1472 バイト：{result}",
    "t.passed": "通過",
    "t.lost": "不通",
    "t.largest-df": "DF で通過する最大ペイロード {size}",
    "t.fix": "対処：",
    "t.commands-read": "コマンド {total} 個を読み取り：解釈済み {parsed}、解釈不能 {unparsed}、失敗 {failed}、"
                       "利用不可 {unavailable}",
    "t.commands-time": "。コマンドの実行時間は合計 {duration:.1f} s、所要時間は {wall:.1f} s"
                       "（同時実行数 {jobs}）",
    "t.commands-probes": "。vmkping {runs} 回のプローブ時間は合計 {duration:.1f} s、所要時間は "
                         "{wall:.1f} s（同時に {at_once} パス）",
    "t.command-status": "{command}：{status}{note}",
    "t.command-note": "、{note}",
    "t.unrecognised": "認識できないコマンド（スキップ）：{count} 個",
    "t.and-more": "ほか {count} 個",
    "t.plan-commands": "コマンド：",
    "t.nothing-to-change": "変更する項目はありません。",
    "t.result": "結果：{text}（終了ステータス {code}）",
    "t.result.0": "OK、警告なし",
    "t.result.1": "警告あり",
    "t.result.2": "失敗あり",
    "t.result.3": "不完全：中断されたか、入力の一部が欠けているか破損しています",
    "t.result.other": "終了ステータス {code}",
    "t.result.nothing-read": "読み取り不能：コマンドの出力を 1 つも解釈できませんでした",
    "t.result.undetermined": "判定不能：{roles} データ パスを特定できませんでした",
    "t.line-rate": "ライン レート：{value}",
    "t.rate-mbit": "{rate}（{mbytes:g} MB/s）",
    "t.rtt-line": "ラウンドトリップ時間：{value}",
    "t.ms2": "{ms:.2f} ms",
    "t.sbmax-of": "sbMax（{netstack} netstack）",
    "t.sbmax-hot": "sbMax（ホット データの netstack）",
    "t.tcol.setting": "設定",
    "t.tcol.current": "現在の値",
    "t.tcol.recommended": "推奨値",
    "t.why": "理由：",
    "t.tune-hot": "ホット データ：{netstack} netstack 上の {vmknics}",
    "t.tune-hot-nowhere": "ホット データ：{vmknics}",
    "t.dry-run": "コマンド（ドライ ラン。--apply を指定すると、root として実行し、ジャーナルに記録"
                 "します）：",
    "t.with-persist": "--persist を指定した場合は、/etc/rc.local.d/local.sh の 'exit 0' の前にも次を"
                      "追加：",
    "t.then-backup": "その後 /sbin/auto-backup.sh を実行",
    "t.nothing-kept": "変更する項目はありません：現在の値を維持します（値を下げるには "
                      "--allow-decrease が必要です）。",
    "t.nothing-same": "変更する項目はありません：ホストにはすでに推奨値が設定されています。",
    "t.outcome.apply": "適用：{message}",
    "t.outcome.rollback": "ロールバック：{message}",
    "t.tune.0": "変更なし",
    "t.tune.1": "変更を推奨。ドライ ランのため何も変更していません",
    "t.tune.2": "失敗。以前の値を復元しました",
    "t.tune.3": "実行できませんでした",
    "t.tune.4": "適用して検証しました",
    "t.tune.5": "失敗。以前の値を完全には復元できていません",
    "t.tune.6": "適用して検証しましたが、永続化されていません。セキュア ブートが有効なため local.sh "
                "は実行されず、sbMax は次回の再起動時に以前の値に戻ります",
    "t.tune.rollback-ok": "ロールバックして検証しました",
    "t.tune.rollback-failed": "ロールバックに失敗：以前の値を完全には復元できていません",
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

    # ---- compare (render/compare_text.py, render/compare_html.py)
    "compare.head": "esxi-diag {version} compare：ホスト {hosts} 台、移行元と移行先のペア {pairs} 組",
    "compare.sec.hosts": "ホスト",
    "compare.sec.pairs": "検出結果のあるペア",
    "compare.col.n": "#",
    "compare.col.host": "ホスト",
    "compare.col.release": "リリース",
    "compare.col.input": "入力",
    "compare.col.vms": "仮想マシン",
    "compare.col.checked": "チェック済み",
    "compare.col.source": "移行元",
    "compare.col.source-destination": "移行元 \\ 移行先",
    "compare.vms.read": "読み取り済み",
    "compare.vms.partial": "一部",
    "compare.vms.not-read": "読み取れず",
    "compare.vms.failed": "読み取れず",
    "compare.vms.absent": "不明",
    "compare.yes": "はい",
    "compare.no": "いいえ",
    "compare.input.refused": "除外：{reason}",
    "compare.input.duplicate": "{input}：ほかの入力と同じホストのため除外",
    "compare.matrix-intro": "ペアごとの判定（行：移行元、列：移行先）",
    "compare.per-source": "移行元ホストごとの判定（{count} 台：マトリックスには多すぎます）",
    "compare.verdict.ok": "OK",
    "compare.verdict.warn": "WARN",
    "compare.verdict.fail": "FAIL",
    "compare.verdict.unknown": "不明",
    "compare.severity.fail": "FAIL",
    "compare.severity.warn": "WARN",
    "compare.severity.unknown": "UNKNOWN",
    "compare.severity.info": "INFO",
    "compare.severity.ok": "OK",
    "compare.pair": "{source} から {destination}：{verdict}（{facts}）",
    "compare.facts-sep": "、",
    "compare.routed": "ルーティングあり",
    "compare.on-link": "同じサブネット",
    "compare.rtt": "往復 {rtt:.1f} ms",
    "compare.long-distance": "長距離",
    "compare.lan": "LAN 内",
    "compare.not-measured": "ラウンドトリップ時間は未測定",
    "compare.reference": "多くのホストの値：{values}",
    "compare.ref.rate": "NetExpectedLineRateMBps は {value}",
    "compare.ref.threshold": "NetLatencyModeThreshold は {value}",
    "compare.ref.sbmax": "ホット データの sbMax は {value}",
    "compare.note": "注記：{note}",
    "compare.result.0": "結果：すべてのペアが OK（{ok} 組）（終了ステータス {status}）",
    "compare.result.1": "結果：警告あり：失敗 {fail}、警告 {warn}、不明 {unknown}、OK {ok}（終了"
                        "ステータス {status}）",
    "compare.result.2": "結果：失敗あり：失敗 {fail}、警告 {warn}、不明 {unknown}、OK {ok}（終了"
                        "ステータス {status}）",
    "compare.result.3": "結果：比較できるものがありません：読み取れたホストが 2 台未満です（終了"
                        "ステータス {status}）",
    "compare.html.kicker": "esxi-diag {version} \u00b7 比較",
    "compare.html.title": "ホスト {hosts} 台、ペア {pairs} 組",
    "compare.html.generated": "作成日時",
    "compare.html.matrix": "判定",
    "compare.html.remedy": "対処方法",
    "compare.html.severity": "重大度",
    "compare.html.id": "ID",
    "compare.html.finding": "検出結果",
    "compare.html.footer": "esxi-diag {version} が比較結果（スキーマ {schema}）から作成しました。"
                           "このページは自己完結しています：スクリプトも外部リソースも使用しません。",
    "t.bundle-written": "バンドル：{path}\n  {size} バイト、sha256 {digest}\n  {host}：FAIL {fail} 件、"
                        "WARN {warn} 件、INFO {info} 件、コマンド {commands} 個{redacted}",
    "t.bundle-redacted": "、マスク済み",
}
