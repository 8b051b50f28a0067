-- Demo growing areas (mã số vùng trồng) and one pond, authored for the project: a rectangle of about 550 by 450 m
-- around a point inside each of six communes known for these products. The area codes are invented, and the location ids use GS1's example
-- company prefix 0614141, so that none of them can be taken for a real registration. The commune of each area is
-- set by the growing_area trigger.
INSERT INTO growing_area (location_id, area_code, name, area_kind, products, certifications, geom) VALUES
    ('urn:epc:id:sgln:0614141.10001.0', 'VN-DTMH-0101', 'Vùng trồng xoài Mỹ Hiệp', 'growing_area', 'Xoài cát Hòa Lộc', '{VietGAP,GlobalGAP}',
     ST_Multi(ST_GeomFromText('POLYGON((105.7825 10.3466, 105.7875 10.3466, 105.7875 10.3506, 105.7825 10.3506, 105.7825 10.3466))', 4326))),
    ('urn:epc:id:sgln:0614141.10002.0', 'VN-DTLV-0102', 'Vùng trồng quýt hồng Lai Vung', 'growing_area', 'Quýt hồng', '{VietGAP}',
     ST_Multi(ST_GeomFromText('POLYGON((105.5748 10.2881, 105.5798 10.2881, 105.5798 10.2921, 105.5748 10.2921, 105.5748 10.2881))', 4326))),
    ('urn:epc:id:sgln:0614141.10003.0', 'VN-DTTM-0103', 'Vùng trồng sen Tháp Mười', 'growing_area', 'Sen', '{}',
     ST_Multi(ST_GeomFromText('POLYGON((105.8378 10.5426, 105.8428 10.5426, 105.8428 10.5466, 105.8378 10.5466, 105.8378 10.5426))', 4326))),
    ('urn:epc:id:sgln:0614141.10004.0', 'VN-DTTH-0104', 'Vùng lúa Tân Hồng', 'growing_area', 'Lúa ST25', '{VietGAP}',
     ST_Multi(ST_GeomFromText('POLYGON((105.4193 10.8829, 105.4243 10.8829, 105.4243 10.8869, 105.4193 10.8869, 105.4193 10.8829))', 4326))),
    ('urn:epc:id:sgln:0614141.10005.0', 'VN-DTCB-0105', 'Vùng trồng sầu riêng Cái Bè', 'growing_area', 'Sầu riêng Ri6', '{GlobalGAP}',
     ST_Multi(ST_GeomFromText('POLYGON((105.9997 10.3505, 106.0047 10.3505, 106.0047 10.3545, 105.9997 10.3545, 105.9997 10.3505))', 4326))),
    ('urn:epc:id:sgln:0614141.10006.0', 'VN-DTPH-0106', 'Ao nuôi cá tra Phong Hòa', 'pond', 'Cá tra', '{ASC}',
     ST_Multi(ST_GeomFromText('POLYGON((105.6699 10.1939, 105.6749 10.1939, 105.6749 10.1979, 105.6699 10.1979, 105.6699 10.1939))', 4326)));
