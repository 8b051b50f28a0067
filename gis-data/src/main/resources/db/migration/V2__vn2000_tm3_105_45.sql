-- VN-2000 / TM-3 with central meridian 105°45', one of the two TM-3 meridians used for Đồng Tháp.
-- The other one, 105°00', is EPSG:5897 (VN-2000 / TM-3 zone 482), which PostGIS already ships. 105°45'
-- has no EPSG code, so it gets a project SRID in the user range (PostGIS allows up to 998999).
-- Datum: VN-2000 on the WGS 84 ellipsoid with the 7-parameter Helmert shift that PostGIS 3.3 stores for
-- EPSG:4756, in the position-vector convention of PROJ's towgs84. Projection: Transverse Mercator,
-- scale 0.9999, false easting 500000 m, false northing 0.
-- NOTE: PostGIS transforms this SRID with the towgs84 shift. EPSG:3405 and EPSG:5897 go through the
-- transformation that PROJ chooses for the area instead, so results of the two can differ by about a metre.
INSERT INTO spatial_ref_sys (srid, auth_name, auth_srid, srtext, proj4text)
SELECT 910545, 'LANGSO', 910545,
       'PROJCS["VN-2000 / TM-3 105-45",'
           || 'GEOGCS["VN-2000",DATUM["Vietnam_2000",SPHEROID["WGS 84",6378137,298.257223563],'
           || 'TOWGS84[-191.90441429,-39.30318279,-111.45032835,0.00928836,-0.01975479,0.00427372,0.252906278]],'
           || 'PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]],'
           || 'PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],PARAMETER["central_meridian",105.75],'
           || 'PARAMETER["scale_factor",0.9999],PARAMETER["false_easting",500000],PARAMETER["false_northing",0],'
           || 'UNIT["metre",1],AXIS["Easting",EAST],AXIS["Northing",NORTH]]',
       '+proj=tmerc +lat_0=0 +lon_0=105.75 +k=0.9999 +x_0=500000 +y_0=0 +ellps=WGS84 '
           || '+towgs84=-191.90441429,-39.30318279,-111.45032835,0.00928836,-0.01975479,0.00427372,0.252906278 +units=m +no_defs'
WHERE NOT EXISTS (SELECT 1 FROM spatial_ref_sys WHERE srid = 910545);
