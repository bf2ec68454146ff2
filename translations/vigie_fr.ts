<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>vigie::CoordinateTransform</name>
    <message>
        <source>Unknown coordinate reference system "%1": %2</source>
        <translation>Système de coordonnées de référence inconnu "%1" : %2</translation>
    </message>
    <message>
        <source>No coordinate reference system given.</source>
        <translation>Aucun système de coordonnées de référence indiqué.</translation>
    </message>
    <message>
        <source>No coordinate operation from %1 to %2: %3</source>
        <translation>Aucune transformation de coordonnées de %1 vers %2 : %3</translation>
    </message>
</context>
<context>
    <name>vigie::GdalInput</name>
    <message>
        <source>%1 is not a local file: Vigie imports files only (no URL, GDAL virtual path or database connection).</source>
        <translation>%1 n'est pas un fichier local : Vigie n'importe que des fichiers (ni URL, ni chemin virtuel GDAL, ni connexion à une base de données).</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1 : %2</translation>
    </message>
    <message>
        <source>%1 is a %2 file, a format Vigie does not import (it can open other files or the network). Convert it, for example to GeoPackage, first. Formats imported: %3.</source>
        <translation>%1 est un fichier %2, un format que Vigie n'importe pas (il peut ouvrir d'autres fichiers ou le réseau). Convertissez-le d'abord, par exemple en GeoPackage. Formats importés : %3.</translation>
    </message>
    <message>
        <source>Cannot read %1: not a vector format Vigie imports, or a damaged file.</source>
        <translation>Impossible de lire %1 : ce n'est pas un format vectoriel que Vigie importe, ou le fichier est endommagé.</translation>
    </message>
    <message>
        <source>%1, line %2: a NUL byte (a binary file, or a damaged one?).</source>
        <translation>%1, ligne %2 : un octet NUL (fichier binaire ou endommagé ?).</translation>
    </message>
    <message>
        <source>%1, line %2: text after the closing quote of a field (a quote inside a field is written twice: "").</source>
        <translation>%1, ligne %2 : du texte après le guillemet fermant d'un champ (un guillemet à l'intérieur d'un champ s'écrit doublé : "").</translation>
    </message>
    <message>
        <source>%1: the quote opened on line %2 is never closed.</source>
        <translation>%1 : le guillemet ouvert à la ligne %2 n'est jamais fermé.</translation>
    </message>
    <message>
        <source>%1: the record starting on line %2 runs to line %3 and has %4 fields, the header %5: a quote opened on line %2 is probably not closed.</source>
        <translation>%1 : l'enregistrement qui commence à la ligne %2 va jusqu'à la ligne %3 et compte %4 champs, l'en-tête %5 : un guillemet ouvert à la ligne %2 n'est probablement pas fermé.</translation>
    </message>
    <message>
        <source>%1, line %2: %3 fields where the header has %4.</source>
        <translation>%1, ligne %2 : %3 champs alors que l'en-tête en compte %4.</translation>
    </message>
    <message>
        <source>The file %1 cannot be read: %2</source>
        <translation>Le fichier %1 ne peut pas être lu : %2</translation>
    </message>
    <message>
        <source>%1, line %2: a text holds the NUL character (\u0000), which would cut it short.</source>
        <translation>%1, ligne %2 : un texte contient le caractère NUL (\u0000), qui le tronquerait.</translation>
    </message>
    <message>
        <source>%1, line %2: the column "%3" appears twice in the header.</source>
        <translation>%1, ligne %2 : la colonne « %3 » figure deux fois dans l'en-tête.</translation>
    </message>
    <message>
        <source>%1 has no column "%2" (its columns: %3).</source>
        <translation>%1 n'a pas de colonne « %2 » (ses colonnes : %3).</translation>
    </message>
    <message>
        <source>%1: the columns %2 could all hold the %3 coordinate: rename the others, or name the one to use (vigie-cli import --x-field, --y-field).</source>
        <translation>%1 : les colonnes %2 pourraient toutes porter la coordonnée %3 : renommez les autres, ou désignez celle à utiliser (vigie-cli import --x-field, --y-field).</translation>
    </message>
    <message>
        <source>%1: the column "%2" holds one coordinate but no column holds the other (its columns: %3).</source>
        <translation>%1 : la colonne « %2 » porte une coordonnée, mais aucune colonne ne porte l'autre (ses colonnes : %3).</translation>
    </message>
    <message>
        <source>%1: the coordinate column "%2" has a comma, a star or a quote in its name; rename it.</source>
        <translation>%1 : le nom de la colonne de coordonnée « %2 » contient une virgule, un astérisque ou un guillemet ; renommez-la.</translation>
    </message>
    <message>
        <source>%1: the column "%2" cannot hold both coordinates.</source>
        <translation>%1 : la colonne « %2 » ne peut pas porter les deux coordonnées.</translation>
    </message>
</context>
<context>
    <name>vigie::Importer</name>
    <message>
        <source>%1 contains no vector layer.</source>
        <translation>%1 ne contient aucune couche vectorielle.</translation>
    </message>
    <message>
        <source>%1 has no layer "%2" (it has: %3).</source>
        <translation>%1 ne contient pas de couche "%2" (couches présentes : %3).</translation>
    </message>
    <message>
        <source>Unknown coordinate reference system "%1" for %2.</source>
        <translation>Système de coordonnées de référence inconnu "%1" pour %2.</translation>
    </message>
    <message>
        <source>%1 does not say in which coordinate reference system its coordinates are. Give it, for example --crs EPSG:4326 for longitude/latitude in degrees.</source>
        <translation>%1 n’indique pas dans quel système de coordonnées de référence ses coordonnées sont exprimées. Précisez-le, par exemple --crs EPSG:4326 pour une longitude/latitude en degrés.</translation>
    </message>
    <message>
        <source>Cannot transform the coordinates of %1 to Lambert-93: %2</source>
        <translation>Impossible de transformer les coordonnées de %1 en Lambert-93 : %2</translation>
    </message>
    <message>
        <source>%1: no point, line or polygon geometry found.</source>
        <translation>%1 : aucune géométrie de type point, ligne ou polygone trouvée.</translation>
    </message>
    <message>
        <source>it has no geometry (empty coordinates?)</source>
        <translation>aucune géométrie (coordonnées vides ?)</translation>
    </message>
    <message>
        <source>its geometry is empty</source>
        <translation>sa géométrie est vide</translation>
    </message>
    <message>
        <source>a multi-point of %1 points does not fit a point layer</source>
        <translation>un multipoint de %1 points ne convient pas à une couche de points</translation>
    </message>
    <message>
        <source>a %1 does not fit a %2 layer</source>
        <translation>une géométrie %1 ne convient pas à une couche %2</translation>
    </message>
    <message>
        <source>its coordinates are not numbers</source>
        <translation>ses coordonnées ne sont pas des nombres</translation>
    </message>
    <message>
        <source>its geometry is invalid</source>
        <translation>sa géométrie est invalide</translation>
    </message>
    <message>
        <source>its geometry is invalid: %1</source>
        <translation>sa géométrie est invalide : %1</translation>
    </message>
    <message>
        <source>its coordinates cannot be transformed to Lambert-93</source>
        <translation>ses coordonnées ne peuvent pas être transformées en Lambert-93</translation>
    </message>
    <message>
        <source>Unknown layer "%1": it is neither in the workspace nor a known layer type.</source>
        <translation>Couche "%1" inconnue : elle n’est ni dans l’espace de travail ni un type de couche connu.</translation>
    </message>
    <message>
        <source>The workspace already has a layer "%1": choose it as the target layer to add to it, or give another name.</source>
        <translation>L’espace de travail contient déjà une couche "%1" : choisissez-la comme couche de destination pour y ajouter les entités, ou donnez un autre nom.</translation>
    </message>
    <message>
        <source>%1 has fields that layer "%2" does not know: %3. Rename them, or choose to leave them out.</source>
        <translation>%1 contient des champs inconnus de la couche "%2" : %3. Renommez-les, ou choisissez de les ignorer.</translation>
    </message>
    <message>
        <source>Fields left out: %1.</source>
        <translation>Champs ignorés : %1.</translation>
    </message>
    <message>
        <source>Fields absent from %1, left empty: %2.</source>
        <translation>Champs absents de %1, laissés vides : %2.</translation>
    </message>
    <message>
        <source>%1 cannot be read past feature %2: %3</source>
        <translation>Impossible de lire %1 au-delà de l’entité %2 : %3</translation>
    </message>
    <message>
        <source>%1, feature %2 (FID %3): %4</source>
        <translation>%1, entité %2 (FID %3) : %4</translation>
    </message>
    <message>
        <source>%1 has no usable feature (%2 skipped).</source>
        <translation>%1 ne contient aucune entité utilisable (entités ignorées : %2).</translation>
    </message>
    <message>
        <source>%1 contains no features.</source>
        <translation>%1 ne contient aucune entité.</translation>
    </message>
    <message>
        <source>GDAL: %1</source>
        <translation>GDAL : %1</translation>
    </message>
    <message>
        <source>The import of %1 was canceled.</source>
        <translation>L’import de %1 a été annulé.</translation>
    </message>
    <message>
        <source>The coordinate reference system of %1 is unknown: %2</source>
        <translation>Le système de coordonnées de %1 est inconnu : %2</translation>
    </message>
    <message>
        <source> (%1)</source>
        <translation> (%1)</translation>
    </message>
    <message>
        <source>its coordinates (%1, %2) are outside the area where %3 is used%4: are they in another coordinate reference system? Give the right one (--crs).</source>
        <translation>ses coordonnées (%1, %2) sont hors de la zone d'usage de %3%4 : sont-elles dans un autre système de coordonnées ? Indiquez le bon (--crs).</translation>
    </message>
    <message>
        <source>Cannot map "%1" to "%2": layer "%3" has no such category.</source>
        <translation>Impossible de faire correspondre « %1 » à « %2 » : la couche « %3 » n'a pas cette catégorie.</translation>
    </message>
    <message>
        <source>%1 is not a field mapping: %2</source>
        <translation>%1 n’est pas une correspondance de champs : %2</translation>
    </message>
    <message>
        <source>larger than 1 MB</source>
        <translation>plus de 1 Mo</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>ce n’est pas un objet JSON</translation>
    </message>
    <message>
        <source>"vigieMapping": 1 is missing</source>
        <translation>« vigieMapping » : 1 manque</translation>
    </message>
    <message>
        <source>"fields" must be an object of field: column</source>
        <translation>« fields » doit être un objet champ : colonne</translation>
    </message>
    <message>
        <source>the column of "%1" must be a name</source>
        <translation>la colonne de « %1 » doit être un nom</translation>
    </message>
    <message>
        <source>"dateOrder" must be auto, dmy or mdy</source>
        <translation>« dateOrder » doit valoir auto, dmy ou mdy</translation>
    </message>
    <message>
        <source>unknown time zone "%1"</source>
        <translation>fuseau horaire inconnu « %1 »</translation>
    </message>
    <message>
        <source>the category of "%1" must be a text</source>
        <translation>la catégorie de « %1 » doit être un texte</translation>
    </message>
    <message>
        <source>Unknown time zone "%1" (for example Europe/Paris, UTC).</source>
        <translation>Fuseau horaire inconnu « %1 » (par exemple Europe/Paris, UTC).</translation>
    </message>
    <message>
        <source>%1 has no column %2 (its columns: %3).</source>
        <translation>%1 n’a pas de colonne %2 (ses colonnes : %3).</translation>
    </message>
    <message>
        <source>A time column is mapped without its date column (occurred_at, occurred_to).</source>
        <translation>Une colonne d’heure est associée sans sa colonne de date (occurred_at, occurred_to).</translation>
    </message>
    <message>
        <source>An end (occurred_to) is mapped without a start (occurred_at).</source>
        <translation>Une fin (occurred_to) est associée sans début (occurred_at).</translation>
    </message>
    <message>
        <source>Layer "%1" has no time field to hold occurred_at.</source>
        <translation>La couche « %1 » n’a pas de champ de date pour recevoir occurred_at.</translation>
    </message>
    <message>
        <source>Layer "%1" has no category field.</source>
        <translation>La couche « %1 » n’a pas de champ de catégorie.</translation>
    </message>
    <message>
        <source>Layer "%1" has no text field source_key to hold the source key.</source>
        <translation>La couche « %1 » n’a pas de champ texte source_key pour recevoir la clé de la source.</translation>
    </message>
    <message>
        <source>Layer "%1" has no end time field: the spans are kept by their start.</source>
        <translation>La couche « %1 » n’a pas de champ de fin : les intervalles sont gardés par leur début.</translation>
    </message>
    <message>
        <source>Layer "%1" has no field "%2".</source>
        <translation>La couche « %1 » n’a pas de champ « %2 ».</translation>
    </message>
    <message>
        <source>Dates read month first (12/03/2026 = 3 December).</source>
        <translation>Dates lues le mois d’abord (12/03/2026 = 3 décembre).</translation>
    </message>
    <message>
        <source>Dates read day first (03/12/2026 = 3 December).</source>
        <translation>Dates lues le jour d’abord (03/12/2026 = 3 décembre).</translation>
    </message>
    <message>
        <source>it has no date (column %1)</source>
        <translation>elle n’a pas de date (colonne %1)</translation>
    </message>
    <message>
        <source>its date "%1" cannot be read</source>
        <translation>sa date « %1 » est illisible</translation>
    </message>
    <message>
        <source>its end date "%1" cannot be read</source>
        <translation>sa date de fin « %1 » est illisible</translation>
    </message>
    <message>
        <source>it ends (%1) before it starts (%2)</source>
        <translation>elle finit (%1) avant de commencer (%2)</translation>
    </message>
    <message>
        <source>%1: %2 different categories; is the category column right?</source>
        <translation>%1 : %2 catégories différentes ; la colonne de catégorie est-elle la bonne ?</translation>
    </message>
    <message>
        <source>%1 features without a usable geometry or date were skipped; the first ones:</source>
        <translation>%1 entités sans géométrie ou date utilisable ont été ignorées ; les premières :</translation>
    </message>
    <message>
        <source>%1 holds no polygons: a study area or units file must be polygons (boundaries).</source>
        <translation>%1 ne contient pas de polygones : un fichier de zone d’étude ou d’unités doit contenir des polygones (des limites).</translation>
    </message>
    <message>
        <source>%1 already exists: a new workspace needs a new file.</source>
        <translation>%1 existe déjà : un nouvel espace de travail demande un nouveau fichier.</translation>
    </message>
    <message>
        <source>A new workspace needs the boundaries of its study area.</source>
        <translation>Un nouvel espace de travail demande les limites de sa zone d’étude.</translation>
    </message>
</context>
<context>
    <name>vigie::InputFile</name>
    <message>
        <source>The workspace %1 does not exist.</source>
        <translation>L’espace de travail %1 n’existe pas.</translation>
    </message>
    <message>
        <source>The file %1 does not exist.</source>
        <translation>Le fichier %1 n’existe pas.</translation>
    </message>
    <message>
        <source>The workspace %1 cannot be read: %2</source>
        <translation>L’espace de travail %1 ne peut pas être lu : %2</translation>
    </message>
    <message>
        <source>The file %1 cannot be read: %2</source>
        <translation>Le fichier %1 ne peut pas être lu : %2</translation>
    </message>
    <message>
        <source>%1 is a folder, not a workspace file.</source>
        <translation>%1 est un dossier, pas un fichier d’espace de travail.</translation>
    </message>
    <message>
        <source>%1 is a folder, not a file.</source>
        <translation>%1 est un dossier, pas un fichier.</translation>
    </message>
    <message>
        <source>%1 is not a regular file (a pipe, a socket or a device).</source>
        <translation>%1 n’est pas un fichier ordinaire (c’est un tube, un socket ou un périphérique).</translation>
    </message>
</context>
<context>
    <name>vigie::LayerManifest</name>
    <message>
        <source>Layer manifest %1, key "%2": %3</source>
        <translation>Manifeste de couche %1, clé "%2" : %3</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>manquante</translation>
    </message>
    <message>
        <source>must be a string</source>
        <translation>doit être une chaîne de caractères</translation>
    </message>
    <message>
        <source>must be a number</source>
        <translation>doit être un nombre</translation>
    </message>
    <message>
        <source>"%1" is not a colour (#rrggbb or #rrggbbaa)</source>
        <translation>"%1" n’est pas une couleur (#rrggbb ou #rrggbbaa)</translation>
    </message>
    <message>
        <source>must be an object {"fr": ..., "en": ...}</source>
        <translation>doit être un objet {"fr": ..., "en": ...}</translation>
    </message>
    <message>
        <source>needs a French or English text</source>
        <translation>nécessite un texte en français ou en anglais</translation>
    </message>
    <message>
        <source>Layer manifest %1: invalid JSON at offset %2: %3</source>
        <translation>Manifeste de couche %1 : JSON invalide à la position %2 : %3</translation>
    </message>
    <message>
        <source>Layer manifest %1: the document must be a JSON object</source>
        <translation>Manifeste de couche %1 : le document doit être un objet JSON</translation>
    </message>
    <message>
        <source>missing (the manifest format version)</source>
        <translation>manquante (la version du format du manifeste)</translation>
    </message>
    <message>
        <source>format version %1 is not supported (this Vigie reads version %2)</source>
        <translation>la version de format %1 n’est pas prise en charge (cette version de Vigie lit la version %2)</translation>
    </message>
    <message>
        <source>"%1" is not a valid id ([a-z][a-z0-9_]*)</source>
        <translation>"%1" n’est pas un identifiant valide ([a-z][a-z0-9_]*)</translation>
    </message>
    <message>
        <source>must be a positive integer</source>
        <translation>doit être un entier positif</translation>
    </message>
    <message>
        <source>missing or not an array</source>
        <translation>manquante, ou n’est pas un tableau</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>doit être un objet</translation>
    </message>
    <message>
        <source>"%1": names starting with '_' are reserved</source>
        <translation>"%1" : les noms commençant par '_' sont réservés</translation>
    </message>
    <message>
        <source>"%1" is not a valid field name ([a-z][a-z0-9_]*)</source>
        <translation>"%1" n’est pas un nom de champ valide ([a-z][a-z0-9_]*)</translation>
    </message>
    <message>
        <source>"%1" is a reserved column name</source>
        <translation>"%1" est un nom de colonne réservé</translation>
    </message>
    <message>
        <source>duplicate field "%1"</source>
        <translation>champ "%1" en double</translation>
    </message>
    <message>
        <source>"%1" is not one of string, integer, real, datetime, boolean</source>
        <translation>"%1" n’est pas l’une des valeurs string, integer, real, datetime, boolean</translation>
    </message>
    <message>
        <source>"%1" is not one of pseudonymise, drop</source>
        <translation>"%1" n’est pas l’une des valeurs pseudonymise, drop</translation>
    </message>
    <message>
        <source>"%1" is not a declared field</source>
        <translation>"%1" n’est pas un champ déclaré</translation>
    </message>
    <message>
        <source>field "%1" must be of type %2</source>
        <translation>le champ "%1" doit être de type %2</translation>
    </message>
    <message>
        <source>must be an array</source>
        <translation>doit être un tableau</translation>
    </message>
    <message>
        <source>given without a categoryField</source>
        <translation>fournie sans categoryField</translation>
    </message>
    <message>
        <source>too many categories</source>
        <translation>trop de catégories</translation>
    </message>
    <message>
        <source>duplicate category "%1"</source>
        <translation>catégorie "%1" en double</translation>
    </message>
    <message>
        <source>"%1" is not one of circle, square, triangle, diamond, star</source>
        <translation>"%1" n’est pas l’une des valeurs circle, square, triangle, diamond, star</translation>
    </message>
    <message>
        <source>field "%1" must be numeric</source>
        <translation>le champ "%1" doit être numérique</translation>
    </message>
    <message>
        <source>must be an array of [value, "#colour"]</source>
        <translation>doit être un tableau de [valeur, "#couleur"]</translation>
    </message>
    <message>
        <source>must be [value, "#colour"]</source>
        <translation>doit être [valeur, "#couleur"]</translation>
    </message>
    <message>
        <source>ramp values must be increasing</source>
        <translation>les valeurs de la rampe de couleurs doivent être croissantes</translation>
    </message>
    <message>
        <source>"%1" is not one of Point, Line, Polygon, Raster</source>
        <translation>"%1" n'est pas l'un de Point, Line, Polygon, Raster</translation>
    </message>
    <message>
        <source>only a string field can be pseudonymised</source>
        <translation>seul un champ texte peut être pseudonymisé</translation>
    </message>
    <message>
        <source>"%1" is not a collection name (letters, digits, "_", "-" and ".", at most 128 characters)</source>
        <translation>« %1 » n'est pas un nom de collection (lettres, chiffres, « _ », « - » et « . », 128 caractères au plus)</translation>
    </message>
    <message>
        <source>must be an integer between -1000000 and 1000000</source>
        <translation>doit être un entier compris entre -1000000 et 1000000</translation>
    </message>
</context>
<context>
    <name>vigie::LayerRegistry</name>
    <message>
        <source>No built-in layer manifest was found.</source>
        <translation>Aucun manifeste de couche intégré n’a été trouvé.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1 : %2</translation>
    </message>
    <message>
        <source>Layer id "%1" from %2 is already defined by %3; the manifest is ignored.</source>
        <translation>L’identifiant de couche "%1" de %2 est déjà défini par %3 ; le manifeste est ignoré.</translation>
    </message>
</context>
<context>
    <name>vigie::Store</name>
    <message>
        <source>Cannot build the spatial index %1: %2</source>
        <translation>Impossible de construire l’index spatial %1 : %2</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>Impossible d’ouvrir %1 : %2</translation>
    </message>
    <message>
        <source>Database error in %1: %2</source>
        <translation>Erreur de base de données dans %1 : %2</translation>
    </message>
    <message>
        <source>Cannot create %1 at schema version %2.</source>
        <translation>Impossible de créer %1 avec la version de schéma %2.</translation>
    </message>
    <message>
        <source>Cannot create the workspace %1: the file already exists.</source>
        <translation>Impossible de créer l’espace de travail %1 : le fichier existe déjà.</translation>
    </message>
    <message>
        <source>%1 is not a Vigie workspace.</source>
        <translation>%1 n’est pas un espace de travail Vigie.</translation>
    </message>
    <message>
        <source>The workspace %1 is damaged: %2</source>
        <translation>L’espace de travail %1 est endommagé : %2</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1 : %2</translation>
    </message>
    <message>
        <source>the file is shorter than its header says (truncated?)</source>
        <translation>le fichier est plus court que ne l’indique son en-tête (tronqué ?)</translation>
    </message>
    <message>
        <source>catalogue tables are missing</source>
        <translation>les tables du catalogue sont absentes</translation>
    </message>
    <message>
        <source>The workspace %1 was written by a newer version of Vigie (schema %2; this version reads up to %3). Update Vigie to open it.</source>
        <translation>L’espace de travail %1 a été écrit par une version plus récente de Vigie (schéma %2 ; cette version lit jusqu’au schéma %3). Mettez Vigie à jour pour l’ouvrir.</translation>
    </message>
    <message>
        <source>no schema version</source>
        <translation>aucune version de schéma</translation>
    </message>
    <message>
        <source>the table of layer "%1" is missing</source>
        <translation>la table de la couche "%1" est absente</translation>
    </message>
    <message>
        <source>Cannot upgrade the workspace %1 to schema %2: %3</source>
        <translation>Impossible de mettre à niveau l’espace de travail %1 vers le schéma %2 : %3</translation>
    </message>
    <message>
        <source>SpatiaLite could not initialise %1.</source>
        <translation>SpatiaLite n’a pas pu initialiser %1.</translation>
    </message>
    <message>
        <source>SpatiaLite could not add the geometry column of layer "%1".</source>
        <translation>SpatiaLite n’a pas pu ajouter la colonne de géométrie de la couche "%1".</translation>
    </message>
    <message>
        <source>SpatiaLite could not index layer "%1".</source>
        <translation>SpatiaLite n’a pas pu indexer la couche "%1".</translation>
    </message>
    <message>
        <source>"%1" is not a UTC time (YYYY-MM-DDTHH:MM:SSZ).</source>
        <translation>"%1" n’est pas une heure UTC (YYYY-MM-DDTHH:MM:SSZ).</translation>
    </message>
    <message>
        <source>normaliseForDeterminism() needs a fixed clock (setClock()).</source>
        <translation>normaliseForDeterminism() nécessite une horloge fixe (setClock()).</translation>
    </message>
    <message>
        <source>normaliseForDeterminism() cannot run inside a transaction.</source>
        <translation>normaliseForDeterminism() ne peut pas s’exécuter dans une transaction.</translation>
    </message>
    <message>
        <source>layer "%1" of %2</source>
        <translation>couche "%1" de %2</translation>
    </message>
    <message>
        <source>The workspace %1 already has a layer "%2".</source>
        <translation>L’espace de travail %1 contient déjà une couche "%2".</translation>
    </message>
    <message>
        <source>The layer id "%1" is reserved or already used by a table of %2.</source>
        <translation>L’identifiant de couche "%1" est réservé ou déjà utilisé par une table de %2.</translation>
    </message>
    <message>
        <source>The workspace %1 has no layer "%2".</source>
        <translation>L’espace de travail %1 ne contient pas de couche "%2".</translation>
    </message>
    <message>
        <source>The spatial index of %1 could not be completed; the changes are not committed.</source>
        <translation>L’index spatial de %1 n’a pas pu être complété ; les modifications ne sont pas validées.</translation>
    </message>
    <message>
        <source>Layer "%1", feature %2: %3</source>
        <translation>Couche "%1", entité %2 : %3</translation>
    </message>
    <message>
        <source>%1 values given for %2 fields</source>
        <translation>nombre de valeurs (%1) différent du nombre de champs (%2)</translation>
    </message>
    <message>
        <source>no geometry</source>
        <translation>aucune géométrie</translation>
    </message>
    <message>
        <source>a geometry of WKB type %1 does not fit a %2 layer</source>
        <translation>une géométrie de type WKB %1 ne convient pas à une couche %2</translation>
    </message>
    <message>
        <source>malformed point geometry</source>
        <translation>géométrie de point mal formée</translation>
    </message>
    <message>
        <source>invalid geometry (%1)</source>
        <translation>géométrie invalide (%1)</translation>
    </message>
    <message>
        <source>field "%1": "%2" is not a number</source>
        <translation>champ "%1" : "%2" n’est pas un nombre</translation>
    </message>
    <message>
        <source>field "%1": "%2" is not a date and time</source>
        <translation>champ "%1" : "%2" n’est pas une date-heure</translation>
    </message>
    <message>
        <source>field "%1": "%2" is not a boolean</source>
        <translation>champ "%1" : "%2" n’est pas un booléen</translation>
    </message>
    <message>
        <source>refused by the workspace: %1</source>
        <translation>refusée par l’espace de travail : %1</translation>
    </message>
    <message>
        <source>Layer "%1", feature %2: "%3" is not a date and time.</source>
        <translation>Couche "%1", entité %2 : "%3" n’est pas une date-heure.</translation>
    </message>
    <message>
        <source>Layer "%1" of %2, feature %3: unreadable geometry (%4).</source>
        <translation>Couche "%1" de %2, entité %3 : géométrie illisible (%4).</translation>
    </message>
    <message>
        <source>Loading layer "%1" was canceled.</source>
        <translation>Le chargement de la couche "%1" a été annulé.</translation>
    </message>
    <message>
        <source>Layer "%1" has no feature %2.</source>
        <translation>La couche "%1" n’a pas d’entité %2.</translation>
    </message>
    <message>
        <source>the raster layer "%1" needs schema 3</source>
        <translation>la couche raster "%1" demande le schéma 3</translation>
    </message>
    <message>
        <source>The workspace %1 is too old for raster layers.</source>
        <translation>L'espace de travail %1 est trop ancien pour les couches raster.</translation>
    </message>
    <message>
        <source>The workspace %1 has no raster layer "%2".</source>
        <translation>L'espace de travail %1 n'a pas de couche raster "%2".</translation>
    </message>
    <message>
        <source>The grid of raster layer "%1" is inconsistent.</source>
        <translation>La grille de la couche raster "%1" est incohérente.</translation>
    </message>
    <message>
        <source>The grid of raster layer "%1" in %2 is damaged.</source>
        <translation>La grille de la couche raster "%1" dans %2 est endommagée.</translation>
    </message>
    <message>
        <source>The raster layer "%1" of %2 has no grid.</source>
        <translation>La couche raster "%1" de %2 n'a pas de grille.</translation>
    </message>
    <message>
        <source>Cannot build the schema templates (%1): %2</source>
        <translation>Impossible de construire les modèles du schéma (%1) : %2</translation>
    </message>
    <message>
        <source>Cannot read the schema of %1: %2</source>
        <translation>Impossible de lire le schéma de %1 : %2</translation>
    </message>
    <message>
        <source>Refused to run SQL with more than one statement: %1</source>
        <translation>Exécution refusée d’un SQL de plus d’une instruction : %1</translation>
    </message>
    <message>
        <source>Database error in %1: %2 (in %3)</source>
        <translation>Erreur de base de données dans %1 : %2 (dans %3)</translation>
    </message>
    <message>
        <source>Cannot prepare the connection to %1 (%2): %3</source>
        <translation>Impossible de préparer la connexion à %1 (%2) : %3</translation>
    </message>
    <message>
        <source>The workspace %1 is busy: another program is writing to it (waited %2 s). Try again when it has finished.</source>
        <translation>L’espace de travail %1 est occupé : un autre programme y écrit (attente de %2 s). Réessayez quand il aura terminé.</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>le disque est plein</translation>
    </message>
    <message>
        <source>it is on a read-only file system</source>
        <translation>il se trouve sur un système de fichiers en lecture seule</translation>
    </message>
    <message>
        <source>the file is read-only for this user</source>
        <translation>le fichier est en lecture seule pour cet utilisateur</translation>
    </message>
    <message>
        <source>its folder is read-only for this user</source>
        <translation>son dossier est en lecture seule pour cet utilisateur</translation>
    </message>
    <message>
        <source>its %1 file is read-only for this user</source>
        <translation>son fichier %1 est en lecture seule pour cet utilisateur</translation>
    </message>
    <message>
        <source>The workspace %1 cannot be read where it is (%2) because changes are still in its -wal file: copy the workspace with its -wal file to a writable folder and open it there.</source>
        <translation>L’espace de travail %1 ne peut pas être lu à cet emplacement (%2), car des modifications sont encore dans son fichier -wal : copiez l’espace de travail avec son fichier -wal dans un dossier accessible en écriture et ouvrez-le là.</translation>
    </message>
    <message>
        <source>it was opened for reading only</source>
        <translation>il a été ouvert en lecture seule</translation>
    </message>
    <message>
        <source>it holds SQL code that Vigie did not write (%1), which would run when Vigie reads or changes it; it may have been tampered with ("vigie-cli check" lists it, "vigie-cli check --repair" removes unknown triggers)</source>
        <translation>il contient du code SQL que Vigie n’a pas écrit (%1), qui s’exécuterait quand Vigie le lit ou le modifie ; il a peut-être été altéré (« vigie-cli check » le liste, « vigie-cli check --repair » supprime les déclencheurs inconnus)</translation>
    </message>
    <message>
        <source>The workspace %1 uses an older format (schema %2) and must be upgraded, which needs writing to it, but %3.</source>
        <translation>L’espace de travail %1 utilise un format plus ancien (schéma %2) et doit être mis à niveau, ce qui demande d’y écrire, mais %3.</translation>
    </message>
    <message>
        <source>it is damaged (%1)</source>
        <translation>il est endommagé (%1)</translation>
    </message>
    <message>
        <source>The workspace %1 is damaged and was not changed: %2. Open it read-only to save what can be read, or restore a backup.</source>
        <translation>L’espace de travail %1 est endommagé et n’a pas été modifié : %2. Ouvrez-le en lecture seule pour sauver ce qui peut être lu, ou restaurez une sauvegarde.</translation>
    </message>
    <message>
        <source>The workspace %1 cannot be changed: %2.</source>
        <translation>L’espace de travail %1 ne peut pas être modifié : %2.</translation>
    </message>
    <message>
        <source>trigger "%1" was not written by Vigie or SpatiaLite (it would run on every change)</source>
        <translation>le déclencheur « %1 » n’a été écrit ni par Vigie ni par SpatiaLite (il s’exécuterait à chaque modification)</translation>
    </message>
    <message>
        <source>the spatial index of "%1" is damaged: %2</source>
        <translation>l’index spatial de « %1 » est endommagé : %2</translation>
    </message>
    <message>
        <source>the spatial index of "%1" has %2 entries for %3 geometries</source>
        <translation>l’index spatial de « %1 » compte %2 entrées pour %3 géométries</translation>
    </message>
    <message>
        <source>the raster layer "%1" has no grid</source>
        <translation>la couche raster « %1 » n’a pas de grille</translation>
    </message>
    <message>
        <source>Cannot copy the workspace to %1: the file already exists.</source>
        <translation>Impossible de copier l’espace de travail vers %1 : le fichier existe déjà.</translation>
    </message>
    <message>
        <source>Cannot copy the workspace to %1.</source>
        <translation>Impossible de copier l’espace de travail vers %1.</translation>
    </message>
    <message>
        <source>trigger "%1" removed</source>
        <translation>déclencheur « %1 » supprimé</translation>
    </message>
    <message>
        <source>spatial index of "%1" rebuilt</source>
        <translation>index spatial de « %1 » reconstruit</translation>
    </message>
    <message>
        <source>"%1" holds code that Vigie and SpatiaLite do not write (a CHECK, a DEFAULT expression, a generated column or an index on an expression)</source>
        <translation>« %1 » contient du code que ni Vigie ni SpatiaLite n’écrivent (un CHECK, une expression DEFAULT, une colonne générée ou un index sur une expression)</translation>
    </message>
    <message>
        <source>the SQL object "%1" is missing or differs from what Vigie writes</source>
        <translation>l’objet SQL « %1 » est absent ou diffère de ce que Vigie écrit</translation>
    </message>
    <message>
        <source>the SQL object "%1" was not created by Vigie (harmless)</source>
        <translation>l’objet SQL « %1 » n’a pas été créé par Vigie (sans danger)</translation>
    </message>
    <message>
        <source>SQL object "%1" recreated</source>
        <translation>objet SQL « %1 » recréé</translation>
    </message>
    <message>
        <source>coordinates (%1, %2) are not Lambert-93 metres (beyond %3 km)</source>
        <translation>les coordonnées (%1, %2) ne sont pas des mètres Lambert-93 (au-delà de %3 km)</translation>
    </message>
    <message>
        <source>field "%1" holds a NUL character</source>
        <translation>le champ « %1 » contient un caractère NUL</translation>
    </message>
    <message>
        <source>"%1" is not one of the categories of the layer (%2); map it to one of them or add it to the layer</source>
        <translation>« %1 » n'est pas une catégorie de la couche (%2) ; faites-la correspondre à l'une d'elles ou ajoutez-la à la couche</translation>
    </message>
    <message>
        <source>field "%1": "%2" is not an integer (no value is rounded)</source>
        <translation>champ « %1 » : « %2 » n'est pas un entier (aucune valeur n'est arrondie)</translation>
    </message>
    <message>
        <source>The layer "%1" has no field "%2".</source>
        <translation>La couche « %1 » n'a pas de champ « %2 ».</translation>
    </message>
    <message>
        <source>Layer "%1" has no text field "%2".</source>
        <translation>La couche « %1 » n’a pas de champ texte « %2 ».</translation>
    </message>
    <message>
        <source>Layer "%1" has no dates: it cannot be filtered by a period.</source>
        <translation>La couche « %1 » n’a pas de dates : elle ne peut pas être filtrée par une période.</translation>
    </message>
    <message>
        <source>Layer "%1" has no categories to choose from.</source>
        <translation>La couche « %1 » n’a pas de catégories parmi lesquelles choisir.</translation>
    </message>
    <message>
        <source>Layer "%1" is a raster: it has no features.</source>
        <translation>La couche « %1 » est une grille : elle n’a pas d’entités.</translation>
    </message>
    <message>
        <source>Reading was cancelled.</source>
        <translation>Lecture annulée.</translation>
    </message>
</context>
<context>
    <name>vigie::cli</name>
    <message>
        <source>Creates a deterministic demo workspace shaped like Marseille: 16 arrondissements, 111 quartiers, three years of incidents, cameras, events and traffic.</source>
        <translation>Crée un espace de travail de démonstration déterministe à l’image de Marseille : 16 arrondissements, 111 quartiers, trois ans d’incidents, des caméras, des événements et le trafic.</translation>
    </message>
    <message>
        <source>Workspace file to create (must not exist).</source>
        <translation>Fichier d’espace de travail à créer (ne doit pas exister).</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FICHIER</translation>
    </message>
    <message>
        <source>Random seed (same seed, identical file).</source>
        <translation>Graine aléatoire (même graine, fichier identique).</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Multiplier of the incident volume (1 = about 45,000 a year).</source>
        <translation>Multiplicateur du volume d’incidents (1 = environ 45 000 par an).</translation>
    </message>
    <message>
        <source>X</source>
        <translation>X</translation>
    </message>
    <message>
        <source>--out FILE is required</source>
        <translation>--out FICHIER est obligatoire</translation>
    </message>
    <message>
        <source>--seed must be a non-negative integer</source>
        <translation>--seed doit être un entier positif ou nul</translation>
    </message>
    <message>
        <source>--scale must be a number between 0 and 50</source>
        <translation>--scale doit être un nombre compris entre 0 et 50</translation>
    </message>
    <message>
        <source>Demo workspace written to %1 in %2 s</source>
        <translation>Espace de travail de démonstration écrit dans %1 en %2 s</translation>
    </message>
    <message>
        <source>  %1 arrondissements, %2 quartiers, %3 incidents, %4 cameras, %5 events, %6 traffic segments</source>
        <translation>  %1 arrondissements, %2 quartiers, %3 incidents, %4 caméras, %5 événements, %6 tronçons de trafic</translation>
    </message>
    <message>
        <source>Imports a vector file that GDAL reads into a layer of a workspace, reprojected to Lambert-93. All or nothing: on any error the workspace is left unchanged.</source>
        <translation>Importe un fichier vectoriel lisible par GDAL dans une couche d’un espace de travail, en le reprojetant en Lambert-93. Tout ou rien : en cas d’erreur, l’espace de travail reste inchangé.</translation>
    </message>
    <message>
        <source>Workspace file.</source>
        <translation>Fichier d’espace de travail.</translation>
    </message>
    <message>
        <source>Target layer id (a layer of the workspace or a known layer type). Without it, a new layer is created from the file.</source>
        <translation>Identifiant de la couche de destination (une couche de l’espace de travail ou un type de couche connu). Sans cette option, une nouvelle couche est créée à partir du fichier.</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Id of the new layer (default: from the file name).</source>
        <translation>Identifiant de la nouvelle couche (par défaut : d’après le nom du fichier).</translation>
    </message>
    <message>
        <source>CRS of the input when the file has none or a wrong one, e.g. EPSG:4326.</source>
        <translation>SCR des données d’entrée lorsque le fichier n’en déclare pas ou en déclare un erroné, par ex. EPSG:4326.</translation>
    </message>
    <message>
        <source>CRS</source>
        <translation>SCR</translation>
    </message>
    <message>
        <source>Layer to read in a multi-layer file (GeoPackage).</source>
        <translation>Couche à lire dans un fichier multicouche (GeoPackage).</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NOM</translation>
    </message>
    <message>
        <source>Ignore fields of the file that the target layer does not declare.</source>
        <translation>Ignorer les champs du fichier que la couche de destination ne déclare pas.</translation>
    </message>
    <message>
        <source>Vector file to import.</source>
        <translation>Fichier vectoriel à importer.</translation>
    </message>
    <message>
        <source>--store FILE is required</source>
        <translation>--store FICHIER est obligatoire</translation>
    </message>
    <message>
        <source>exactly one INPUT file is expected</source>
        <translation>un et un seul fichier INPUT est attendu</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>avertissement : %1</translation>
    </message>
    <message>
        <source>Imported %1 features from %2 into layer '%3' in %4 s (%5 features/s)</source>
        <translation>%1 entités importées de %2 dans la couche '%3' en %4 s (%5 entités/s)</translation>
    </message>
    <message>
        <source>Describes a workspace.</source>
        <translation>Décrit un espace de travail.</translation>
    </message>
    <message>
        <source>Language of titles: fr or en.</source>
        <translation>Langue des titres : fr ou en.</translation>
    </message>
    <message>
        <source>LANG</source>
        <translation>LANGUE</translation>
    </message>
    <message>
        <source>Workspace: %1</source>
        <translation>Espace de travail : %1</translation>
    </message>
    <message>
        <source>Schema version: %1</source>
        <translation>Version du schéma : %1</translation>
    </message>
    <message>
        <source>features: %1</source>
        <translation>entités : %1</translation>
    </message>
    <message>
        <source>extent (Lambert-93): %1, %2 — %3, %4</source>
        <translation>emprise (Lambert-93) : %1, %2 — %3, %4</translation>
    </message>
    <message>
        <source>period: %1 — %2</source>
        <translation>période : %1 — %2</translation>
    </message>
    <message>
        <source>Lists the layer types known: built-in manifests and those of plugin folders.</source>
        <translation>Liste les types de couche connus : manifestes intégrés et ceux des dossiers d’extensions.</translation>
    </message>
    <message>
        <source>warning: %1: %2</source>
        <translation>avertissement : %1 : %2</translation>
    </message>
    <message>
        <source>Plugin folders: %1</source>
        <translation>Dossiers d’extensions : %1</translation>
    </message>
    <message>
        <source>%1: the workspace is sound.</source>
        <translation>%1 : l’espace de travail est intègre.</translation>
    </message>
    <message>
        <source>create a demo workspace shaped like Marseille</source>
        <translation>créer un espace de travail de démonstration à l’image de Marseille</translation>
    </message>
    <message>
        <source>import a vector file (GeoPackage, GeoJSON, CSV, Shapefile…) into a layer</source>
        <translation>importer un fichier vectoriel (GeoPackage, GeoJSON, CSV, Shapefile…) dans une couche</translation>
    </message>
    <message>
        <source>describe a workspace: layers, counts, extents, periods</source>
        <translation>décrire un espace de travail : couches, nombres d’entités, emprises, périodes</translation>
    </message>
    <message>
        <source>list the layer types known (built-in and plugins)</source>
        <translation>lister les types de couche connus (intégrés et extensions)</translation>
    </message>
    <message>
        <source>draw a map of a workspace to a PNG image</source>
        <translation>dessiner une carte d’un espace de travail dans une image PNG</translation>
    </message>
    <message>
        <source>check the integrity of a workspace</source>
        <translation>vérifier l’intégrité d’un espace de travail</translation>
    </message>
    <message>
        <source>Usage: vigie-cli COMMAND [OPTIONS]</source>
        <translation>Usage : vigie-cli COMMANDE [OPTIONS]</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>Commandes :</translation>
    </message>
    <message>
        <source>Run 'vigie-cli COMMAND --help' for the options of a command.</source>
        <translation>Lancez 'vigie-cli COMMANDE --help' pour les options d’une commande.</translation>
    </message>
    <message>
        <source>Unknown command: %1</source>
        <translation>Commande inconnue : %1</translation>
    </message>
    <message>
        <source>Image size in pixels.</source>
        <translation>Taille de l’image en pixels.</translation>
    </message>
    <message>
        <source>WxH</source>
        <translation>WxH</translation>
    </message>
    <message>
        <source>Resolution for symbol sizes.</source>
        <translation>Résolution pour la taille des symboles.</translation>
    </message>
    <message>
        <source>DPI</source>
        <translation>DPI</translation>
    </message>
    <message>
        <source>Comma-separated layer ids to draw (default: all, in their order).</source>
        <translation>Identifiants des couches à dessiner, séparés par des virgules (par défaut : toutes, dans leur ordre).</translation>
    </message>
    <message>
        <source>IDS</source>
        <translation>IDS</translation>
    </message>
    <message>
        <source>Extent in Lambert-93 metres.</source>
        <translation>Emprise en mètres Lambert-93.</translation>
    </message>
    <message>
        <source>XMIN,YMIN,XMAX,YMAX</source>
        <translation>XMIN,YMIN,XMAX,YMAX</translation>
    </message>
    <message>
        <source>Zoom to the extent of this layer.</source>
        <translation>Zoomer sur l’emprise de cette couche.</translation>
    </message>
    <message>
        <source>DATE</source>
        <translation>DATE</translation>
    </message>
    <message>
        <source>Language of labels and legend: fr or en.</source>
        <translation>Langue des étiquettes et de la légende : fr ou en.</translation>
    </message>
    <message>
        <source>Do not draw the legend, scale bar and north arrow.</source>
        <translation>Ne pas dessiner la légende, la barre d’échelle et la flèche du nord.</translation>
    </message>
    <message>
        <source>--store FILE and --out FILE are required</source>
        <translation>--store FICHIER et --out FICHIER sont obligatoires</translation>
    </message>
    <message>
        <source>--size must be WxH with 16 to 20000 pixels a side</source>
        <translation>--size doit être de la forme WxH, avec 16 à 20000 pixels par côté</translation>
    </message>
    <message>
        <source>--dpi must be between 24 and 1200</source>
        <translation>--dpi doit être compris entre 24 et 1200</translation>
    </message>
    <message>
        <source>the workspace has no layer '%1'</source>
        <translation>l’espace de travail ne contient pas de couche '%1'</translation>
    </message>
    <message>
        <source>--extent must be XMIN,YMIN,XMAX,YMAX with XMIN &lt; XMAX and YMIN &lt; YMAX</source>
        <translation>--extent doit être de la forme XMIN,YMIN,XMAX,YMAX avec XMIN &lt; XMAX et YMIN &lt; YMAX</translation>
    </message>
    <message>
        <source>nothing to draw: the layers are empty</source>
        <translation>rien à dessiner : les couches sont vides</translation>
    </message>
    <message>
        <source>Map written to %1 (%2 features drawn, %3 points aggregated, %4 ms)</source>
        <translation>Carte écrite dans %1 (%2 entités dessinées, %3 points agrégés, %4 ms)</translation>
    </message>
    <message>
        <source>Usage: vigie-cli analyze KIND --store FILE [OPTIONS]   (KIND --help for its options)</source>
        <translation>Usage : vigie-cli analyze TYPE --store FICHIER [OPTIONS]   (TYPE --help pour ses options)</translation>
    </message>
    <message>
        <source>       vigie-cli analyze list --store FILE</source>
        <translation>       vigie-cli analyze list --store FICHIER</translation>
    </message>
    <message>
        <source>Kinds:</source>
        <translation>Types :</translation>
    </message>
    <message>
        <source>unknown analysis kind: %1</source>
        <translation>type d'analyse inconnu : %1</translation>
    </message>
    <message>
        <source>WHEN</source>
        <translation>QUAND</translation>
    </message>
    <message>
        <source>Categories kept, comma-separated (default: all).</source>
        <translation>Catégories retenues, séparées par des virgules (par défaut : toutes).</translation>
    </message>
    <message>
        <source>LIST</source>
        <translation>LISTE</translation>
    </message>
    <message>
        <source>TEXT</source>
        <translation>TEXTE</translation>
    </message>
    <message>
        <source>Print the outcome as JSON.</source>
        <translation>Afficher le résultat en JSON.</translation>
    </message>
    <message>
        <source>unexpected argument: %1</source>
        <translation>argument inattendu : %1</translation>
    </message>
    <message>
        <source>--to is before --from</source>
        <translation>--to est antérieur à --from</translation>
    </message>
    <message>
        <source>run an analysis (KDE, hot spots, clusters…) and keep its result</source>
        <translation>lancer une analyse (KDE, points chauds, agrégats…) et conserver son résultat</translation>
    </message>
    <message>
        <source>Last sync per layer:</source>
        <translation>Dernière synchronisation par couche :</translation>
    </message>
    <message>
        <source>high-water %1</source>
        <translation>dernière modification reçue %1</translation>
    </message>
    <message>
        <source>%1 features</source>
        <translation>%1 objets</translation>
    </message>
    <message>
        <source>Sync log (newest first):</source>
        <translation>Journal de synchronisation (le plus récent d'abord) :</translation>
    </message>
    <message>
        <source>%1 batches</source>
        <translation>%1 lots</translation>
    </message>
    <message>
        <source>Pulls layers from the data hub (OGC API - Features) into a workspace. The first pull copies each collection (optionally restricted to an area and a time window); later pulls fetch only what changed since the last one, deletions included. Each page is applied in one transaction: an interrupted sync resumes where it stopped. Credentials are read from the environment (VIGIE_HUB_PASSWORD, VIGIE_HUB_TOKEN) or a file, and are never stored.</source>
        <translation>Récupère des couches du hub de données (OGC API - Features) dans un espace de travail. La première récupération copie chaque collection (éventuellement limitée à une zone et une période) ; les suivantes ne récupèrent que ce qui a changé depuis la précédente, suppressions comprises. Chaque page est appliquée en une transaction : une synchronisation interrompue reprend là où elle s'est arrêtée. Les identifiants sont lus dans l'environnement (VIGIE_HUB_PASSWORD, VIGIE_HUB_TOKEN) ou un fichier, et ne sont jamais enregistrés.</translation>
    </message>
    <message>
        <source>Workspace file (created if missing).</source>
        <translation>Fichier de l'espace de travail (créé s'il n'existe pas).</translation>
    </message>
    <message>
        <source>API root of the hub, e.g. http://127.0.0.1:8090/wfs3.</source>
        <translation>Racine de l'API du hub, par ex. http://127.0.0.1:8090/wfs3.</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Comma-separated layer ids (default: the workspace's layers, or all known layers for a new workspace).</source>
        <translation>Identifiants de couches séparés par des virgules (par défaut : les couches de l'espace de travail, ou toutes les couches connues pour un nouvel espace).</translation>
    </message>
    <message>
        <source>Area of the first pull in Lambert-93 metres: xmin,ymin,xmax,ymax.</source>
        <translation>Zone de la première récupération en mètres Lambert-93 : xmin,ymin,xmax,ymax.</translation>
    </message>
    <message>
        <source>BBOX</source>
        <translation>EMPRISE</translation>
    </message>
    <message>
        <source>Time window of the first pull: only features whose time is at or after this ISO 8601 date.</source>
        <translation>Période de la première récupération : seulement les objets dont la date est égale ou postérieure à cette date ISO 8601.</translation>
    </message>
    <message>
        <source>Features per request (1 to 10000).</source>
        <translation>Objets par requête (1 à 10000).</translation>
    </message>
    <message>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <source>User for HTTP basic authentication; the password is read from VIGIE_HUB_PASSWORD.</source>
        <translation>Utilisateur pour l'authentification HTTP basic ; le mot de passe est lu dans VIGIE_HUB_PASSWORD.</translation>
    </message>
    <message>
        <source>File holding a bearer token (default: VIGIE_HUB_TOKEN).</source>
        <translation>Fichier contenant un jeton bearer (par défaut : VIGIE_HUB_TOKEN).</translation>
    </message>
    <message>
        <source>Forget the high-water marks and pull everything again.</source>
        <translation>Oublier les marques de dernière modification et tout récupérer à nouveau.</translation>
    </message>
    <message>
        <source>Only print the last sync per layer and the sync log.</source>
        <translation>Afficher seulement la dernière synchronisation par couche et le journal.</translation>
    </message>
    <message>
        <source>--hub URL is required</source>
        <translation>--hub URL est obligatoire</translation>
    </message>
    <message>
        <source>--hub must not contain credentials; use --user with VIGIE_HUB_PASSWORD, or a token</source>
        <translation>--hub ne doit pas contenir d'identifiants ; utilisez --user avec VIGIE_HUB_PASSWORD, ou un jeton</translation>
    </message>
    <message>
        <source>--bbox must be xmin,ymin,xmax,ymax in metres</source>
        <translation>--bbox doit être xmin,ymin,xmax,ymax en mètres</translation>
    </message>
    <message>
        <source>--since must be an ISO 8601 date, e.g. 2025-01-01</source>
        <translation>--since doit être une date ISO 8601, par ex. 2025-01-01</translation>
    </message>
    <message>
        <source>--page-size must be between 1 and 10000</source>
        <translation>--page-size doit être compris entre 1 et 10000</translation>
    </message>
    <message>
        <source>--timeout must be a positive number of seconds</source>
        <translation>--timeout doit être un nombre positif de secondes</translation>
    </message>
    <message>
        <source>cannot read the token file %1</source>
        <translation>impossible de lire le fichier de jeton %1</translation>
    </message>
    <message>
        <source>%1: %2 pull, %3 inserted, %4 updated, %5 deleted, %6 unchanged, %7 batches, %8 s (high-water %9)</source>
        <translation>%1 : récupération %2, %3 ajoutés, %4 modifiés, %5 supprimés, %6 inchangés, %7 lots, %8 s (dernière modification %9)</translation>
    </message>
    <message>
        <source>first</source>
        <translation>initiale</translation>
    </message>
    <message>
        <source>incremental</source>
        <translation>incrémentale</translation>
    </message>
    <message>
        <source>pull layers from the municipal data hub, incrementally and resumably</source>
        <translation>récupérer les couches du hub de données municipal, de façon incrémentale et reprenable</translation>
    </message>
    <message>
        <source>write a CLSPD report: a PDF map atlas with key figures per area</source>
        <translation>écrire un rapport CLSPD : un atlas cartographique PDF avec les chiffres clés par zone</translation>
    </message>
    <message>
        <source>Writes a report (PDF map atlas with key figures per area) from a report template.</source>
        <translation>Écrit un rapport (atlas cartographique PDF avec chiffres clés par zone) à partir d'un modèle de rapport.</translation>
    </message>
    <message>
        <source>Report template: a built-in id (%1) or a JSON file.</source>
        <translation>Modèle de rapport : un identifiant fourni (%1) ou un fichier JSON.</translation>
    </message>
    <message>
        <source>T</source>
        <translation>M</translation>
    </message>
    <message>
        <source>Period in local days: 2025-01..2025-03 (months) or 2025-01-01..2025-01-31.</source>
        <translation>Période en jours locaux : 2025-01..2025-03 (mois) ou 2025-01-01..2025-01-31.</translation>
    </message>
    <message>
        <source>PERIOD</source>
        <translation>PÉRIODE</translation>
    </message>
    <message>
        <source>Areas by key, name or number, comma-separated, or "all" (default: the template's).</source>
        <translation>Zones par code, nom ou numéro, séparées par des virgules, ou « all » (par défaut : celles du modèle).</translation>
    </message>
    <message>
        <source>PDF file to write.</source>
        <translation>Fichier PDF à écrire.</translation>
    </message>
    <message>
        <source>Language of the report: fr or en.</source>
        <translation>Langue du rapport : fr ou en.</translation>
    </message>
    <message>
        <source>Paper size: a4 or a3 (default: the template's).</source>
        <translation>Format du papier : a4 ou a3 (par défaut : celui du modèle).</translation>
    </message>
    <message>
        <source>SIZE</source>
        <translation>FORMAT</translation>
    </message>
    <message>
        <source>portrait or landscape (default: the template's).</source>
        <translation>portrait ou landscape (par défaut : celle du modèle).</translation>
    </message>
    <message>
        <source>ORIENTATION</source>
        <translation>ORIENTATION</translation>
    </message>
    <message>
        <source>Counts below this are printed "&lt; N" (default: the template's, 5).</source>
        <translation>Les effectifs inférieurs sont imprimés « &lt; N » (par défaut : celui du modèle, 5).</translation>
    </message>
    <message>
        <source>Author printed on the cover.</source>
        <translation>Auteur imprimé en page de garde.</translation>
    </message>
    <message>
        <source>Analysis drawn on the maps: an analysis id or kind (default: the template's; "none" for none).</source>
        <translation>Analyse dessinée sur les cartes : un identifiant ou un type d'analyse (par défaut : celle du modèle ; « none » pour aucune).</translation>
    </message>
    <message>
        <source>--lang must be fr or en</source>
        <translation>--lang doit valoir fr ou en</translation>
    </message>
    <message>
        <source>--paper must be a4 or a3</source>
        <translation>--paper doit valoir a4 ou a3</translation>
    </message>
    <message>
        <source>--orientation must be portrait or landscape</source>
        <translation>--orientation doit valoir portrait ou landscape</translation>
    </message>
    <message>
        <source>--min-count must be an integer from 1 to 1000</source>
        <translation>--min-count doit être un entier de 1 à 1000</translation>
    </message>
    <message>
        <source>Report written to %1 (%2 pages, %3 s)</source>
        <translation>Rapport écrit dans %1 (%2 pages, %3 s)</translation>
    </message>
    <message>
        <source>forecast the risk per cell for the next shift, day or week, or score the forecast models (--evaluate)</source>
        <translation>prévoir le risque par cellule pour la prochaine vacation, journée ou semaine, ou évaluer les modèles de prévision (--evaluate)</translation>
    </message>
    <message>
        <source>run a planning scenario: event, patrol, cameras what-if, impact of an action</source>
        <translation>exécuter un scénario de planification : événement, patrouilles, simulation de caméras, impact d'une action</translation>
    </message>
    <message>
        <source>--param expects NAME=VALUE: %1</source>
        <translation>--param attend NOM=VALEUR : %1</translation>
    </message>
    <message>
        <source>unknown parameter: %1 (known: %2)</source>
        <translation>paramètre inconnu : %1 (connus : %2)</translation>
    </message>
    <message>
        <source>--add expects x,y,direction,fov,range (five numbers): %1</source>
        <translation>--add attend x,y,direction,angle,portée (cinq nombres) : %1</translation>
    </message>
    <message>
        <source>--move expects ID:x,y,direction,fov,range: %1</source>
        <translation>--move attend ID:x,y,direction,angle,portée : %1</translation>
    </message>
    <message>
        <source>--remove expects a camera id</source>
        <translation>--remove attend un identifiant de caméra</translation>
    </message>
    <message>
        <source>Usage: vigie-cli scenario KIND --store FILE [OPTIONS]   (KIND --help for its parameters)</source>
        <translation>Usage : vigie-cli scenario TYPE --store FICHIER [OPTIONS]   (TYPE --help pour ses paramètres)</translation>
    </message>
    <message>
        <source>       vigie-cli scenario list --store FILE</source>
        <translation>        vigie-cli scenario list --store FICHIER</translation>
    </message>
    <message>
        <source>Lists the scenario runs kept in a workspace.</source>
        <translation>Liste les scénarios exécutés conservés dans un espace de travail.</translation>
    </message>
    <message>
        <source>Print the list as JSON.</source>
        <translation>Afficher la liste en JSON.</translation>
    </message>
    <message>
        <source>Layers kept in the workspace:</source>
        <translation>Couches conservées dans l'espace de travail :</translation>
    </message>
    <message>
        <source>--%1 needs --evaluate</source>
        <translation>--%1 demande --evaluate</translation>
    </message>
    <message>
        <source>--origin does not apply to --evaluate (use --end)</source>
        <translation>--origin ne s'applique pas à --evaluate (utilisez --end)</translation>
    </message>
    <message>
        <source>unknown scenario kind: %1</source>
        <translation>type de scénario inconnu : %1</translation>
    </message>
    <message>
        <source>Checks a workspace: SQLite's integrity check, its SQL objects against those Vigie writes, every spatial index, raster grid and layer description. Read-only unless --repair is given.</source>
        <translation>Vérifie un espace de travail : contrôle d’intégrité de SQLite, ses objets SQL comparés à ceux qu’écrit Vigie, chaque index spatial, grille raster et description de couche. En lecture seule, sauf avec --repair.</translation>
    </message>
    <message>
        <source>Recreate Vigie's own SQL objects, remove triggers Vigie did not write and rebuild damaged spatial indexes (a copy is kept as FILE.bak).</source>
        <translation>Recréer les objets SQL de Vigie, supprimer les déclencheurs que Vigie n’a pas écrits et reconstruire les index spatiaux endommagés (une copie est conservée sous FICHIER.bak).</translation>
    </message>
    <message>
        <source>repaired: %1</source>
        <translation>réparé : %1</translation>
    </message>
    <message>
        <source>A copy of the workspace before the repair: %1</source>
        <translation>Copie de l’espace de travail avant la réparation : %1</translation>
    </message>
    <message>
        <source>note: %1</source>
        <translation>remarque : %1</translation>
    </message>
    <message>
        <source>problem: %1</source>
        <translation>problème : %1</translation>
    </message>
    <message>
        <source>%1: the workspace is NOT sound.</source>
        <translation>%1 : l’espace de travail n’est PAS sain.</translation>
    </message>
    <message>
        <source>Store the file's category FROM as the layer's category TO (repeat for each); any other value outside the layer's categories stops the import.</source>
        <translation>Enregistrer la catégorie FROM du fichier comme la catégorie TO de la couche (à répéter pour chacune) ; toute autre valeur hors des catégories de la couche arrête l'import.</translation>
    </message>
    <message>
        <source>FROM=TO</source>
        <translation>FROM=TO</translation>
    </message>
    <message>
        <source>--map-category expects FROM=TO, not "%1"</source>
        <translation>--map-category attend FROM=TO, et non « %1 »</translation>
    </message>
    <message>
        <source>Shows the pseudonymisation key in use (its file and id, never the key) and, with --store, whether it is the key of a workspace; --create writes a new key for a team (name it then with VIGIE_PSEUDONYM_KEY_FILE).</source>
        <translation>Affiche la clé de pseudonymisation utilisée (son fichier et son identifiant, jamais la clé) et, avec --store, si c'est la clé d'un espace de travail ; --create écrit une nouvelle clé pour une équipe (désignez-la ensuite avec VIGIE_PSEUDONYM_KEY_FILE).</translation>
    </message>
    <message>
        <source>Workspace file to compare with.</source>
        <translation>Fichier de l'espace de travail à comparer.</translation>
    </message>
    <message>
        <source>Write a new random key to this file (owner-only; never over an existing file).</source>
        <translation>Écrire une nouvelle clé aléatoire dans ce fichier (lisible par son seul propriétaire ; jamais à la place d'un fichier existant).</translation>
    </message>
    <message>
        <source>New pseudonymisation key written to %1 (id %2).</source>
        <translation>Nouvelle clé de pseudonymisation écrite dans %1 (identifiant %2).</translation>
    </message>
    <message>
        <source>No pseudonymisation key at %1 yet.</source>
        <translation>Pas encore de clé de pseudonymisation à l'emplacement %1.</translation>
    </message>
    <message>
        <source>Workspace %1: nothing pseudonymised yet.</source>
        <translation>Espace de travail %1 : rien n'a encore été pseudonymisé.</translation>
    </message>
    <message>
        <source>Workspace %1: pseudonymised with the key whose id is %2.</source>
        <translation>Espace de travail %1 : pseudonymisé avec la clé d'identifiant %2.</translation>
    </message>
    <message>
        <source>Pseudonymisation key: %1 (id %2).</source>
        <translation>Clé de pseudonymisation : %1 (identifiant %2).</translation>
    </message>
    <message>
        <source>This is not the workspace's key: importing or syncing personal fields into it is refused.</source>
        <translation>Ce n'est pas la clé de cet espace de travail : l'import ou la synchronisation de champs personnels y est refusé.</translation>
    </message>
    <message>
        <source>show the pseudonymisation key in use, or create one for a team</source>
        <translation>afficher la clé de pseudonymisation utilisée, ou en créer une pour une équipe</translation>
    </message>
    <message>
        <source>Seconds one request may take at most (it also fails when nothing arrives for this long, or for 30 s).</source>
        <translation>Durée maximale d'une requête, en secondes (elle échoue aussi quand rien n'arrive pendant cette durée, ou pendant 30 s).</translation>
    </message>
    <message>
        <source>Send the credentials over plain http to a hub that is not on this computer (they travel unencrypted: only on a closed network).</source>
        <translation>Envoyer les identifiants en http non chiffré à un hub qui n'est pas sur cet ordinateur (ils circulent en clair : uniquement sur un réseau fermé).</translation>
    </message>
    <message>
        <source>checked: the layer matches the hub's %1 features and deletions</source>
        <translation>vérifié : la couche correspond aux %1 entités et suppressions du hub</translation>
    </message>
    <message>
        <source>not checked by count (a filtered pull, or the hub gives no count)</source>
        <translation>non vérifié par le nombre (import filtré, ou le hub ne donne pas de nombre)</translation>
    </message>
    <message>
        <source>CSV column holding the x coordinate or longitude (default: x, lon, lng, long or longitude, else the one column starting with X).</source>
        <translation>Colonne CSV de la coordonnée x ou de la longitude (par défaut : x, lon, lng, long ou longitude, sinon la seule colonne dont le nom commence par X).</translation>
    </message>
    <message>
        <source>CSV column holding the y coordinate or latitude (default: y, lat or latitude, else the one column starting with Y).</source>
        <translation>Colonne CSV de la coordonnée y ou de la latitude (par défaut : y, lat ou latitude, sinon la seule colonne dont le nom commence par Y).</translation>
    </message>
    <message>
        <source>run any algorithm by its id, with options generated from its parameters (--list, ALG --help)</source>
        <translation>lancer un algorithme par son identifiant, avec les options tirées de ses paramètres (--list, ALG --help)</translation>
    </message>
    <message>
        <source>Usage: vigie-cli run ALGORITHM --store FILE [OPTIONS]   (ALGORITHM --help for its options)</source>
        <translation>Usage : vigie-cli run ALGORITHME --store FICHIER [OPTIONS]   (ALGORITHME --help pour ses options)</translation>
    </message>
    <message>
        <source>Generated by `vigie-cli run --reference`; do not edit.</source>
        <translation>Produit par `vigie-cli run --reference` ; ne pas modifier à la main.</translation>
    </message>
    <message>
        <source>Algorithms</source>
        <translation>Algorithmes</translation>
    </message>
    <message>
        <source>Every algorithm runs from the GUI and from `vigie-cli run ALGORITHM --store FILE [--OPTION VALUE …]`; the selection options (`--layer`, `--from`, `--to`, `--categories`, `--area-layer`, `--areas`, `--weight`) choose the points.</source>
        <translation>Chaque algorithme se lance depuis l'interface et par `vigie-cli run ALGORITHME --store FICHIER [--OPTION VALEUR …]` ; les options de sélection (`--layer`, `--from`, `--to`, `--categories`, `--area-layer`, `--areas`, `--weight`) choisissent les points.</translation>
    </message>
    <message>
        <source>No parameter.</source>
        <translation>Aucun paramètre.</translation>
    </message>
    <message>
        <source>Option</source>
        <translation>Option</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Par défaut</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>--%1 is not an ISO date: %2</source>
        <translation>--%1 n'est pas une date ISO : %2</translation>
    </message>
    <message>
        <source>Point layer analysed.</source>
        <translation>Couche de points analysée.</translation>
    </message>
    <message>
        <source>Areas kept, by name or code, comma-separated.</source>
        <translation>Zones retenues, par nom ou code, séparées par des virgules.</translation>
    </message>
    <message>
        <source>Numeric field weighting each point (e.g. severity).</source>
        <translation>Champ numérique pondérant chaque point (par exemple la gravité).</translation>
    </message>
    <message>
        <source>FIELD</source>
        <translation>CHAMP</translation>
    </message>
    <message>
        <source>Also write a raster result to this GeoTIFF file.</source>
        <translation>Écrire aussi un résultat raster dans ce fichier GeoTIFF.</translation>
    </message>
    <message>
        <source>Title of the analysis.</source>
        <translation>Titre de l'analyse.</translation>
    </message>
    <message>
        <source>%1 features analysed in %2 s</source>
        <translation>%1 entités analysées en %2 s</translation>
    </message>
    <message>
        <source>Result layer: %1</source>
        <translation>Couche de résultat : %1</translation>
    </message>
    <message>
        <source>Kept in the workspace as analysis %1</source>
        <translation>Conservée dans l'espace de travail comme analyse %1</translation>
    </message>
    <message>
        <source>unknown algorithm: %1</source>
        <translation>algorithme inconnu : %1</translation>
    </message>
    <message>
        <source>With --evaluate: scores the models on held-out periods instead (hit rate, PAI and PEI), writing nothing; its options: vigie-cli run forecast_evaluation --help.</source>
        <translation>Avec --evaluate : note plutôt les modèles sur des périodes mises de côté (taux de succès, PAI et PEI), sans rien écrire ; ses options : vigie-cli run forecast_evaluation --help.</translation>
    </message>
    <message>
        <source>  %1 new, %2 updated, %3 unchanged (by source key)</source>
        <translation>  %1 nouvelles, %2 mises à jour, %3 inchangées (par clé de la source)</translation>
    </message>
    <message>
        <source>  categories of the new layer: %1</source>
        <translation>  catégories de la nouvelle couche : %1</translation>
    </message>
    <message>
        <source>cannot read the mapping file %1</source>
        <translation>impossible de lire le fichier de correspondance %1</translation>
    </message>
    <message>
        <source>--map expects FIELD=COLUMN, not "%1"</source>
        <translation>--map attend CHAMP=COLONNE, pas « %1 »</translation>
    </message>
    <message>
        <source>note: the field mapping of the last import into '%1' is used</source>
        <translation>remarque : la correspondance de champs du dernier import dans « %1 » est utilisée</translation>
    </message>
    <message>
        <source>--date-order must be auto, dmy or mdy</source>
        <translation>--date-order doit valoir auto, dmy ou mdy</translation>
    </message>
    <message>
        <source>unknown time zone "%1"</source>
        <translation>fuseau horaire inconnu « %1 »</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>Impossible d’écrire %1.</translation>
    </message>
    <message>
        <source>Makes an empty workspace for any area: its study area and reporting units come from your boundary files. Analyses then use that study area.</source>
        <translation>Crée un espace de travail vide pour n’importe quel territoire : sa zone d’étude et ses unités de restitution viennent de vos fichiers de limites. Les analyses utilisent ensuite cette zone d’étude.</translation>
    </message>
    <message>
        <source>Polygons of the study area (any vector format GDAL reads).</source>
        <translation>Polygones de la zone d’étude (tout format vecteur lu par GDAL).</translation>
    </message>
    <message>
        <source>Polygons of the reporting units (districts, beats), optional.</source>
        <translation>Polygones des unités de restitution (secteurs, quartiers), facultatif.</translation>
    </message>
    <message>
        <source>CRS of the boundary files when they do not say, e.g. EPSG:4326.</source>
        <translation>SCR des fichiers de limites quand ils ne le disent pas, par exemple EPSG:4326.</translation>
    </message>
    <message>
        <source>--out FILE and --boundaries FILE are required</source>
        <translation>--out FICHIER et --boundaries FICHIER sont obligatoires</translation>
    </message>
    <message>
        <source>Workspace written to %1: study area of %2 polygon(s), %3 reporting unit(s)</source>
        <translation>Espace de travail écrit dans %1 : zone d’étude de %2 polygone(s), %3 unité(s) de restitution</translation>
    </message>
    <message>
        <source>FIELD=COLUMN</source>
        <translation>CHAMP=COLONNE</translation>
    </message>
    <message>
        <source>Write the mapping used to FILE, for the next files of this source.</source>
        <translation>Écrit la correspondance utilisée dans FICHIER, pour les prochains fichiers de cette source.</translation>
    </message>
    <message>
        <source>How to read dates like 03/12/2026: dmy (3 December), mdy (12 March) or auto (decided from the values, day first when they do not tell).</source>
        <translation>Comment lire les dates comme 03/12/2026 : dmy (3 décembre), mdy (12 mars) ou auto (décidé d’après les valeurs, le jour d’abord quand elles ne le disent pas).</translation>
    </message>
    <message>
        <source>ORDER</source>
        <translation>ORDRE</translation>
    </message>
    <message>
        <source>Time zone of the file's local dates and times (default Europe/Paris).</source>
        <translation>Fuseau horaire des dates et heures locales du fichier (par défaut Europe/Paris).</translation>
    </message>
    <message>
        <source>ZONE</source>
        <translation>FUSEAU</translation>
    </message>
    <message>
        <source>make an empty workspace for any area from its boundary files</source>
        <translation>créer un espace de travail vide pour n’importe quel territoire à partir de ses fichiers de limites</translation>
    </message>
    <message>
        <source>Start of the period: a day (YYYY-MM-DD, Paris time) or a date-time (Z for UTC).</source>
        <translation>Début de la période : un jour (AAAA-MM-JJ, heure de Paris) ou une date et heure (Z pour UTC).</translation>
    </message>
    <message>
        <source>End of the period: a day, included whole, or a date-time (Paris time, Z for UTC).</source>
        <translation>Fin de la période : un jour, inclus en entier, ou une date et heure (heure de Paris, Z pour UTC).</translation>
    </message>
    <message>
        <source>--span-rule must be start, overlap or aoristic</source>
        <translation>--span-rule doit valoir start, overlap ou aoristic</translation>
    </message>
    <message>
        <source>Polygon layer of the study areas (default: the workspace's reporting units when --areas is given, else its study area).</source>
        <translation>Couche de polygones des zones d’étude (par défaut : les unités de restitution de l’espace de travail quand --areas est donné, sinon sa zone d’étude).</translation>
    </message>
    <message>
        <source>Records known between two times: counted by their start (start, the default), when they overlap the period (overlap), or by the share of their span in it (aoristic).</source>
        <translation>Faits connus entre deux instants : comptés par leur début (start, par défaut), dès qu’ils chevauchent la période (overlap), ou selon la part de leur intervalle qui s’y trouve (aoristic).</translation>
    </message>
    <message>
        <source>RULE</source>
        <translation>RÈGLE</translation>
    </message>
    <message>
        <source>Skip features without a valid geometry or date instead of stopping (they are counted, the first ones listed).</source>
        <translation>Ignorer les entités sans géométrie ou date valide au lieu de s’arrêter (elles sont comptées, les premières sont listées).</translation>
    </message>
    <message>
        <source>Fill FIELD from the file's COLUMN (repeat for each). FIELD is a field of the layer or occurred_at (date, or date and time), occurred_time (a separate time column), occurred_to and occurred_to_time (the end of a span), category, source_key (a column, or columns joined by +, naming a record: importing it again replaces it), x and y (coordinate columns).</source>
        <translation>Remplit CHAMP depuis la COLONNE du fichier (à répéter pour chacun). CHAMP est un champ de la couche ou occurred_at (date, ou date et heure), occurred_time (une colonne d’heure séparée), occurred_to et occurred_to_time (la fin d’un intervalle), category, source_key (une colonne, ou des colonnes jointes par +, qui nomment un enregistrement : l’importer à nouveau le remplace), x et y (colonnes de coordonnées).</translation>
    </message>
    <message>
        <source>Read the field mapping from a file written by --save-mapping; --map options given too override it.</source>
        <translation>Lit la correspondance de champs dans un fichier écrit par --save-mapping ; les options --map données en plus l’emportent sur elle.</translation>
    </message>
    <message>
        <source>Writes a layer, or the result of a stored analysis, to a file other GIS software reads. The format comes from the extension: %1 for vector layers, %2 for rasters.</source>
        <translation>Écrit une couche, ou le résultat d’une analyse enregistrée, dans un fichier que lisent les autres logiciels SIG. Le format vient de l’extension : %1 pour les couches vectorielles, %2 pour les grilles.</translation>
    </message>
    <message>
        <source>Layer to write.</source>
        <translation>Couche à écrire.</translation>
    </message>
    <message>
        <source>The result layer of a stored run: its id, or an algorithm id for its latest run.</source>
        <translation>La couche résultat d’une exécution enregistrée : son identifiant, ou celui d’un algorithme pour sa dernière exécution.</translation>
    </message>
    <message>
        <source>ID|KIND</source>
        <translation>ID|TYPE</translation>
    </message>
    <message>
        <source>File to write.</source>
        <translation>Fichier à écrire.</translation>
    </message>
    <message>
        <source>Comma-separated category values to keep (default: all).</source>
        <translation>Valeurs de catégorie à garder, séparées par des virgules (par défaut : toutes).</translation>
    </message>
    <message>
        <source>Replace the file if it exists.</source>
        <translation>Remplacer le fichier s’il existe.</translation>
    </message>
    <message>
        <source>the workspace has no stored run '%1' with a result layer (see vigie-cli info)</source>
        <translation>l’espace de travail n’a pas d’exécution enregistrée « %1 » avec une couche résultat (voir vigie-cli info)</translation>
    </message>
    <message>
        <source>--store FILE, --out FILE and either --layer ID or --analysis ID|KIND are required</source>
        <translation>--store FICHIER, --out FICHIER et soit --layer ID soit --analysis ID|TYPE sont requis</translation>
    </message>
    <message>
        <source>cannot write "%1": the extension must be one of %2</source>
        <translation>impossible d’écrire « %1 » : l’extension doit être l’une de %2</translation>
    </message>
    <message>
        <source>Raster layer '%1' written to %2 in %3 s</source>
        <translation>Grille « %1 » écrite dans %2 en %3 s</translation>
    </message>
    <message>
        <source>%1 features of layer '%2' written to %3 in %4 s</source>
        <translation>%1 entités de la couche « %2 » écrites dans %3 en %4 s</translation>
    </message>
    <message>
        <source>  with %1</source>
        <translation>  avec %1</translation>
    </message>
    <message>
        <source>write a layer or a stored result to GeoPackage, GeoJSON, FlatGeobuf, CSV, Shapefile, XLSX, ODS or GeoTIFF</source>
        <translation>écrire une couche ou un résultat enregistré en GeoPackage, GeoJSON, FlatGeobuf, CSV, Shapefile, XLSX, ODS ou GeoTIFF</translation>
    </message>
    <message>
        <source>Draws a map of a workspace to a PNG (with a world file), SVG or PDF file, headless.</source>
        <translation>Dessine une carte d’un espace de travail dans un fichier PNG (avec un fichier de géoréférencement), SVG ou PDF, sans affichage.</translation>
    </message>
    <message>
        <source>File to write: .png, .svg or .pdf.</source>
        <translation>Fichier à écrire : .png, .svg ou .pdf.</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>impossible d’écrire %1</translation>
    </message>
    <message>
        <source>cannot write "%1": a map is written as .png (with a world file), .svg or .pdf</source>
        <translation>impossible d’écrire « %1 » : une carte s’écrit en .png (avec un fichier de géoréférencement), .svg ou .pdf</translation>
    </message>
    <message>
        <source>Write the whole workspace as a QGIS project (.qgz or .qgs): its layers in Vigie's order and styles, the results with their ramps and parameters, rasters beside it.</source>
        <translation>Écrire tout l’espace de travail en projet QGIS (.qgz ou .qgs) : ses couches dans l’ordre et les styles de Vigie, les résultats avec leurs rampes de couleurs et leurs paramètres, les rasters à côté.</translation>
    </message>
    <message>
        <source>Language of the project's names: fr or en.</source>
        <translation>Langue des noms du projet : fr ou en.</translation>
    </message>
    <message>
        <source>QGIS project with %1 layers written to %2 in %3 s</source>
        <translation>Projet QGIS de %1 couches écrit dans %2 en %3 s</translation>
    </message>
    <message>
        <source>--qgis FILE takes --store FILE, not --out, --layer or --analysis</source>
        <translation>--qgis FICHIER prend --store FICHIER, pas --out, --layer ni --analysis</translation>
    </message>
    <message>
        <source>Also, or instead, write the report's counts as a table (.csv or .xlsx), small counts suppressed as in the report.</source>
        <translation>Écrire aussi, ou seulement, les effectifs du rapport en tableau (.csv ou .xlsx), les petits effectifs masqués comme dans le rapport.</translation>
    </message>
    <message>
        <source>Replace the table if it exists.</source>
        <translation>Remplacer le tableau s’il existe.</translation>
    </message>
    <message>
        <source>--store, --template and --period are required</source>
        <translation>--store, --template et --period sont obligatoires</translation>
    </message>
    <message>
        <source>--out FILE.pdf or --tables FILE.csv|.xlsx is required</source>
        <translation>--out FICHIER.pdf ou --tables FICHIER.csv|.xlsx est obligatoire</translation>
    </message>
    <message>
        <source>Table of %1 rows written to %2 (counts under %3 suppressed)</source>
        <translation>Tableau de %1 lignes écrit dans %2 (effectifs inférieurs à %3 masqués)</translation>
    </message>
</context>
<context>
    <name>vigie::cli::CliContext</name>
    <message>
        <source>error: %1</source>
        <translation>erreur : %1</translation>
    </message>
</context>
<context>
    <name>vigie::core</name>
    <message>
        <source>Report template %1, key "%2": the workspace %3 has no layer "%4"</source>
        <translation>Modèle de rapport %1, clé « %2 » : l'espace de travail %3 n'a pas de couche « %4 »</translation>
    </message>
    <message>
        <source>Report template %1, key "%2": the layer "%3" has no field "%4"</source>
        <translation>Modèle de rapport %1, clé « %2 » : la couche « %3 » n'a pas de champ « %4 »</translation>
    </message>
    <message>
        <source>the small-count threshold must be at least 1</source>
        <translation>le seuil des petits effectifs doit valoir au moins 1</translation>
    </message>
    <message>
        <source>the report period is empty</source>
        <translation>la période du rapport est vide</translation>
    </message>
    <message>
        <source>Report template %1, key "areas.layer": "%2" is not a polygon layer</source>
        <translation>Modèle de rapport %1, clé « areas.layer » : « %2 » n'est pas une couche de polygones</translation>
    </message>
    <message>
        <source>Report template %1, key "points.layer": "%2" has no time field</source>
        <translation>Modèle de rapport %1, clé « points.layer » : « %2 » n'a pas de champ de date</translation>
    </message>
    <message>
        <source>the workspace %1 holds no "%2" analysis with a map layer; run one first (vigie-cli analyze %2)</source>
        <translation>l'espace de travail %1 ne contient pas d'analyse « %2 » avec une couche cartographique ; lancez-en une d'abord (vigie-cli analyze %2)</translation>
    </message>
    <message>
        <source>the workspace %1 has no analysis "%2" (see vigie-cli info)</source>
        <translation>l'espace de travail %1 n'a pas d'analyse « %2 » (voir vigie-cli info)</translation>
    </message>
    <message>
        <source>No "%1" analysis in the workspace: maps show the incidents only.</source>
        <translation>Pas d'analyse « %1 » dans l'espace de travail : les cartes ne montrent que les faits.</translation>
    </message>
    <message>
        <source>unknown area "%1" in the layer "%2"; give a key, a name or "all", e.g. %3</source>
        <translation>zone inconnue « %1 » dans la couche « %2 » ; donnez un code, un nom ou « all », par exemple %3</translation>
    </message>
    <message>
        <source>the report has no area: the layer "%1" is empty</source>
        <translation>le rapport n'a aucune zone : la couche « %1 » est vide</translation>
    </message>
    <message>
        <source>the period %1 is empty: the layer "%2" has no feature in it (it covers %3 to %4)</source>
        <translation>la période %1 est vide : la couche « %2 » n'y a aucune entité (elle couvre du %3 au %4)</translation>
    </message>
    <message>
        <source>Counting incidents</source>
        <translation>Comptage des faits</translation>
    </message>
    <message>
        <source>Weekly and hourly series</source>
        <translation>Séries hebdomadaires et horaires</translation>
    </message>
    <message>
        <source>the report was canceled</source>
        <translation>le rapport a été annulé</translation>
    </message>
</context>
<context>
    <name>vigie::core::AnalysisRunner</name>
    <message>
        <source>Invalid parameter "%1": %2</source>
        <translation>Paramètre "%1" invalide : %2</translation>
    </message>
    <message>
        <source>must be a number above 0 and at most %1</source>
        <translation>doit être un nombre supérieur à 0 et au plus %1</translation>
    </message>
    <message>
        <source>The layer "%1" is not a point layer: analyses need points.</source>
        <translation>La couche "%1" n'est pas une couche de points : les analyses portent sur des points.</translation>
    </message>
    <message>
        <source>The area layer "%1" is not a polygon layer.</source>
        <translation>La couche de zones "%1" n'est pas une couche de polygones.</translation>
    </message>
    <message>
        <source>No area "%1" in the layer "%2".</source>
        <translation>Aucune zone "%1" dans la couche "%2".</translation>
    </message>
    <message>
        <source>Unknown category "%1" in layer "%2".</source>
        <translation>Catégorie "%1" inconnue dans la couche "%2".</translation>
    </message>
    <message>
        <source>The weight field "%1" is not a numeric field of "%2".</source>
        <translation>Le champ de pondération "%1" n'est pas un champ numérique de "%2".</translation>
    </message>
    <message>
        <source>No feature of "%1" matches the period, categories and areas chosen.</source>
        <translation>Aucune entité de "%1" ne correspond à la période, aux catégories et aux zones choisies.</translation>
    </message>
    <message>
        <source>too small for this area (more than 4 million cells)</source>
        <translation>trop petite pour cette zone (plus de 4 millions de cellules)</translation>
    </message>
    <message>
        <source>"%1" is not square, hex or a polygon layer</source>
        <translation>"%1" n'est ni square, ni hex, ni une couche de polygones</translation>
    </message>
    <message>
        <source>Too few cells or areas (%1) to analyse.</source>
        <translation>Trop peu de cellules ou de zones (%1) à analyser.</translation>
    </message>
    <message>
        <source>too small for this area (more than 40 million cells)</source>
        <translation>trop petite pour cette zone (plus de 40 millions de cellules)</translation>
    </message>
    <message>
        <source>needs a study area (an area layer)</source>
        <translation>demande une zone d'étude (une couche de zones)</translation>
    </message>
    <message>
        <source>Choosing the bandwidth</source>
        <translation>Choix de la largeur de bande</translation>
    </message>
    <message>
        <source>Estimating the density</source>
        <translation>Estimation de la densité</translation>
    </message>
    <message>
        <source>Bandwidth: %1 m; cells of %2 m (%3 × %4); method: %5</source>
        <translation>Largeur de bande : %1 m ; cellules de %2 m (%3 × %4) ; méthode : %5</translation>
    </message>
    <message>
        <source>Highest density: %1 %2</source>
        <translation>Densité maximale : %1 %2</translation>
    </message>
    <message>
        <source>incidents/km²/month</source>
        <translation>incidents/km²/mois</translation>
    </message>
    <message>
        <source>incidents/km²</source>
        <translation>incidents/km²</translation>
    </message>
    <message>
        <source>Estimating both densities</source>
        <translation>Estimation des deux densités</translation>
    </message>
    <message>
        <source>Denominator: %1; bandwidths %2 m (incidents) and %3 m (denominator)</source>
        <translation>Dénominateur : %1 ; largeurs de bande %2 m (incidents) et %3 m (dénominateur)</translation>
    </message>
    <message numerus="yes">
        <source>%n cells with a risk more than twice the city's</source>
        <translation>
            <numerusform>%n cellule avec un risque plus de deux fois supérieur à celui de la ville</numerusform>
            <numerusform>%n cellules avec un risque plus de deux fois supérieur à celui de la ville</numerusform>
        </translation>
    </message>
    <message>
        <source>Counting incidents per unit</source>
        <translation>Comptage des incidents par unité</translation>
    </message>
    <message>
        <source>Computing Gi* z-scores</source>
        <translation>Calcul des scores z de Gi*</translation>
    </message>
    <message>
        <source>%1 units (%2); weights: %3%4; FDR correction: %5</source>
        <translation>%1 unités (%2) ; pondérations : %3%4 ; correction FDR : %5</translation>
    </message>
    <message>
        <source>, distance %1 m</source>
        <translation>, distance %1 m</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>Hot spots: %1; cold spots: %2</source>
        <translation>Points chauds : %1 ; points froids : %2</translation>
    </message>
    <message>
        <source>must be between 0 and 99999</source>
        <translation>doit être compris entre 0 et 99999</translation>
    </message>
    <message>
        <source>must be between 0 and 0.5</source>
        <translation>doit être compris entre 0 et 0,5</translation>
    </message>
    <message>
        <source>Computing Local Moran's I with permutations</source>
        <translation>Calcul du I de Moran local avec permutations</translation>
    </message>
    <message>
        <source>%1 units; %2 permutations (seed %3); global Moran's I = %4 (z = %5)</source>
        <translation>%1 unités ; %2 permutations (graine %3) ; I de Moran global = %4 (z = %5)</translation>
    </message>
    <message>
        <source>High-High: %1; Low-Low: %2; High-Low: %3; Low-High: %4</source>
        <translation>Élevé-Élevé : %1 ; Faible-Faible : %2 ; Élevé-Faible : %3 ; Faible-Élevé : %4</translation>
    </message>
    <message>
        <source>Finding dense clusters</source>
        <translation>Recherche des agrégats denses</translation>
    </message>
    <message>
        <source>ST-DBSCAN needs a layer with times.</source>
        <translation>ST-DBSCAN demande une couche datée.</translation>
    </message>
    <message>
        <source>Writing the clusters</source>
        <translation>Écriture des agrégats</translation>
    </message>
    <message>
        <source>Radius %1 m, time window %2 days, at least %3 incidents</source>
        <translation>Rayon %1 m, fenêtre de %2 jours, au moins %3 incidents</translation>
    </message>
    <message>
        <source>Radius %1 m, at least %2 incidents</source>
        <translation>Rayon %1 m, au moins %2 incidents</translation>
    </message>
    <message>
        <source>%1 clusters; %2 of %3 incidents not clustered</source>
        <translation>%1 agrégats ; %2 incidents sur %3 hors agrégat</translation>
    </message>
    <message>
        <source>Measuring nearest-neighbour distances</source>
        <translation>Mesure des distances au plus proche voisin</translation>
    </message>
    <message>
        <source>Observed mean distance: %1 m; expected if random: %2 m</source>
        <translation>Distance moyenne observée : %1 m ; attendue au hasard : %2 m</translation>
    </message>
    <message>
        <source>clustered</source>
        <translation>agrégé</translation>
    </message>
    <message>
        <source>dispersed</source>
        <translation>dispersé</translation>
    </message>
    <message>
        <source>not different from random</source>
        <translation>pas différent du hasard</translation>
    </message>
    <message>
        <source>Study area: %1 km²</source>
        <translation>Zone d'étude : %1 km²</translation>
    </message>
    <message>
        <source>Emerging hot spots need a layer with times.</source>
        <translation>Les points chauds émergents demandent une couche datée.</translation>
    </message>
    <message>
        <source>the period holds %1 steps; at least 10 are needed</source>
        <translation>la période compte %1 pas de temps ; il en faut au moins 10</translation>
    </message>
    <message>
        <source>Building the space-time cube</source>
        <translation>Construction du cube spatio-temporel</translation>
    </message>
    <message>
        <source>Gi* per time step and trends</source>
        <translation>Gi* par pas de temps et tendances</translation>
    </message>
    <message>
        <source>No cell to analyse.</source>
        <translation>Aucune cellule à analyser.</translation>
    </message>
    <message>
        <source>%1 cells of %2 m, %3 steps of %4 days</source>
        <translation>%1 cellules de %2 m, %3 pas de %4 jours</translation>
    </message>
    <message>
        <source>No emerging pattern detected.</source>
        <translation>Aucune tendance émergente détectée.</translation>
    </message>
    <message>
        <source>must be between 2 and 100</source>
        <translation>doit être compris entre 2 et 100</translation>
    </message>
    <message>
        <source>Global Moran's I at each distance</source>
        <translation>I de Moran global à chaque distance</translation>
    </message>
    <message>
        <source>%1 m: I = %2, z = %3%4</source>
        <translation>%1 m : I = %2, z = %3%4</translation>
    </message>
    <message>
        <source>  ← first peak</source>
        <translation>  ← premier pic</translation>
    </message>
    <message>
        <source>  ← highest peak</source>
        <translation>  ← pic le plus haut</translation>
    </message>
    <message>
        <source>Suggested distance band: %1 m</source>
        <translation>Distance conseillée : %1 m</translation>
    </message>
    <message>
        <source>No peak of spatial autocorrelation: try other distances.</source>
        <translation>Pas de pic d'autocorrélation spatiale : essayez d'autres distances.</translation>
    </message>
    <message>
        <source>Density heatmap (KDE)</source>
        <translation>Carte de chaleur de densité (KDE)</translation>
    </message>
    <message>
        <source>Risk-adjusted density (dual KDE)</source>
        <translation>Densité ajustée au risque (KDE double)</translation>
    </message>
    <message>
        <source>Hot spots (Getis-Ord Gi*)</source>
        <translation>Points chauds (Getis-Ord Gi*)</translation>
    </message>
    <message>
        <source>Clusters and outliers (Local Moran's I)</source>
        <translation>Agrégats et valeurs atypiques (I de Moran local)</translation>
    </message>
    <message>
        <source>Clusters (DBSCAN)</source>
        <translation>Agrégats (DBSCAN)</translation>
    </message>
    <message>
        <source>Space-time clusters (ST-DBSCAN)</source>
        <translation>Agrégats spatio-temporels (ST-DBSCAN)</translation>
    </message>
    <message>
        <source>Nearest-neighbour index</source>
        <translation>Indice du plus proche voisin</translation>
    </message>
    <message>
        <source>Emerging hot spots</source>
        <translation>Points chauds émergents</translation>
    </message>
    <message>
        <source>Analysis scale (incremental spatial autocorrelation)</source>
        <translation>Échelle d'analyse (autocorrélation spatiale incrémentale)</translation>
    </message>
    <message>
        <source>GDAL has no GeoTIFF driver.</source>
        <translation>GDAL n'a pas de pilote GeoTIFF.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d'écrire %1 : %2</translation>
    </message>
    <message>
        <source>must be between 1 and the number of units - 1</source>
        <translation>doit être compris entre 1 et le nombre d'unités moins 1</translation>
    </message>
    <message>
        <source>"%1" is not distance, knn, queen or rook</source>
        <translation>"%1" n'est ni distance, ni knn, ni queen, ni rook</translation>
    </message>
    <message>
        <source>must not be negative</source>
        <translation>ne doit pas être négatif</translation>
    </message>
    <message>
        <source>Choosing the analysis scale</source>
        <translation>Choix de l'échelle d'analyse</translation>
    </message>
    <message>
        <source>"%1" is not quartic, epanechnikov, triangular, uniform or gaussian</source>
        <translation>"%1" n'est ni quartic, ni epanechnikov, ni triangular, ni uniform, ni gaussian</translation>
    </message>
    <message>
        <source>Shape of the kernel. Quartic (biweight) is the usual choice in crime mapping; Gaussian has no bounded radius.</source>
        <translation>Forme du noyau. Le quartique (biweight) est le choix habituel en cartographie de la délinquance ; le gaussien n'a pas de rayon borné.</translation>
    </message>
    <message>
        <source>How the bandwidth is chosen: fixed (the value below), a rule of thumb (Silverman, Scott, ArcGIS's default), or cross-validation (Diggle's MSE, likelihood).</source>
        <translation>Choix de la largeur de bande : fixe (la valeur ci-dessous), une règle empirique (Silverman, Scott, règle par défaut d'ArcGIS) ou une validation croisée (erreur quadratique de Diggle, vraisemblance).</translation>
    </message>
    <message>
        <source>Search radius in metres (for the Gaussian: its standard deviation). 200 to 500 m suits street-level incidents.</source>
        <translation>Rayon de recherche en mètres (pour le gaussien : son écart type). 200 à 500 m conviennent aux incidents de voie publique.</translation>
    </message>
    <message>
        <source>Cell size of the heatmap in metres. Smaller is finer and slower.</source>
        <translation>Taille des cellules de la carte de chaleur en mètres. Plus petit : plus fin et plus lent.</translation>
    </message>
    <message>
        <source>Corrects the underestimate near the coast and city limits (density divided by the kernel's share inside the area).</source>
        <translation>Corrige la sous-estimation près du littoral et des limites communales (densité divisée par la part du noyau dans la zone).</translation>
    </message>
    <message>
        <source>Express the density per km² per month instead of per km² over the period.</source>
        <translation>Exprimer la densité par km² et par mois plutôt que par km² sur la période.</translation>
    </message>
    <message>
        <source>What incidents are divided by: "population" (residents of each quartier) or the id of another point layer.</source>
        <translation>Ce par quoi les incidents sont divisés : "population" (habitants de chaque quartier) ou l'identifiant d'une autre couche de points.</translation>
    </message>
    <message>
        <source>Kernel of both densities.</source>
        <translation>Noyau des deux densités.</translation>
    </message>
    <message>
        <source>Bandwidth of the incident density in metres.</source>
        <translation>Largeur de bande de la densité des incidents, en mètres.</translation>
    </message>
    <message>
        <source>Cell size in metres.</source>
        <translation>Taille des cellules en mètres.</translation>
    </message>
    <message>
        <source>Edge correction of both densities.</source>
        <translation>Correction de bord des deux densités.</translation>
    </message>
    <message>
        <source>Benjamini–Hochberg false discovery rate correction: fewer false hot spots when many units are tested.</source>
        <translation>Correction du taux de fausses découvertes de Benjamini-Hochberg : moins de faux points chauds quand beaucoup d'unités sont testées.</translation>
    </message>
    <message>
        <source>Conditional permutations for the pseudo p-values (999 is usual).</source>
        <translation>Permutations conditionnelles pour les pseudo-valeurs p (999 est l'usage).</translation>
    </message>
    <message>
        <source>Seed of the permutations: the same seed gives the same result.</source>
        <translation>Graine des permutations : la même graine donne le même résultat.</translation>
    </message>
    <message>
        <source>Significance level.</source>
        <translation>Seuil de signification.</translation>
    </message>
    <message>
        <source>Benjamini–Hochberg correction of the p-values.</source>
        <translation>Correction de Benjamini-Hochberg des valeurs p.</translation>
    </message>
    <message>
        <source>Side of the cube's cells in metres.</source>
        <translation>Côté des cellules du cube en mètres.</translation>
    </message>
    <message>
        <source>Length of a time step in days (at least 10 steps in the period).</source>
        <translation>Durée d'un pas de temps en jours (au moins 10 pas dans la période).</translation>
    </message>
    <message>
        <source>Previous time steps included in each bin's neighbourhood.</source>
        <translation>Pas de temps précédents inclus dans le voisinage de chaque case.</translation>
    </message>
    <message>
        <source>Benjamini–Hochberg correction of each bin's significance.</source>
        <translation>Correction de Benjamini-Hochberg de la signification de chaque case.</translation>
    </message>
    <message>
        <source>Neighbourhood radius in metres.</source>
        <translation>Rayon de voisinage en mètres.</translation>
    </message>
    <message>
        <source>Incidents within the radius (the incident itself included) for a core point.</source>
        <translation>Incidents dans le rayon (l'incident lui-même compris) pour un point cœur.</translation>
    </message>
    <message>
        <source>DBSCAN*: border points are left out of the clusters.</source>
        <translation>DBSCAN* : les points de bordure sont exclus des agrégats.</translation>
    </message>
    <message>
        <source>Time window in days.</source>
        <translation>Fenêtre temporelle en jours.</translation>
    </message>
    <message>
        <source>Incidents within the radius and window (itself included) for a core point.</source>
        <translation>Incidents dans le rayon et la fenêtre (lui-même compris) pour un point cœur.</translation>
    </message>
    <message>
        <source>Border points are left out of the clusters.</source>
        <translation>Les points de bordure sont exclus des agrégats.</translation>
    </message>
    <message>
        <source>First distance in metres; 0: the distance giving every unit a neighbour.</source>
        <translation>Première distance en mètres ; 0 : la distance qui donne un voisin à chaque unité.</translation>
    </message>
    <message>
        <source>Increment in metres; 0: the mean nearest-neighbour distance.</source>
        <translation>Incrément en mètres ; 0 : la distance moyenne au plus proche voisin.</translation>
    </message>
    <message>
        <source>Number of distances tested.</source>
        <translation>Nombre de distances testées.</translation>
    </message>
    <message>
        <source>square cells</source>
        <translation>cellules carrées</translation>
    </message>
    <message>
        <source>hexagons</source>
        <translation>hexagones</translation>
    </message>
    <message>
        <source>Groups incidents that have at least a given number of others within a radius: dense clusters of any shape, and the incidents in no cluster (noise).</source>
        <translation>Regroupe les incidents qui en ont au moins un nombre donné d'autres dans un rayon : des agrégats denses de toute forme, et les incidents hors agrégat (bruit).</translation>
    </message>
    <message>
        <source>Radius</source>
        <translation>Rayon</translation>
    </message>
    <message>
        <source>Minimum incidents</source>
        <translation>Incidents minimum</translation>
    </message>
    <message>
        <source>Border points as noise</source>
        <translation>Points de bordure en bruit</translation>
    </message>
    <message>
        <source>Builds a space-time cube of incident counts, finds hot and cold spots at each time step and classifies each cell by its history: new, intensifying, persistent, diminishing, sporadic, oscillating or historical.</source>
        <translation>Construit un cube spatio-temporel des nombres d'incidents, trouve les points chauds et froids à chaque pas de temps et classe chaque cellule selon son histoire : nouveau, qui s'intensifie, persistant, qui diminue, sporadique, oscillant ou ancien.</translation>
    </message>
    <message>
        <source>Cell size</source>
        <translation>Taille des cellules</translation>
    </message>
    <message>
        <source>Time step</source>
        <translation>Pas de temps</translation>
    </message>
    <message>
        <source>days</source>
        <translation>jours</translation>
    </message>
    <message>
        <source>Neighbourhood distance</source>
        <translation>Distance de voisinage</translation>
    </message>
    <message>
        <source>Neighbourhood distance in metres; 0: 1.5 cells, which reaches the 8 surrounding cells.</source>
        <translation>Distance de voisinage en mètres ; 0 : 1,5 cellule, ce qui atteint les 8 cellules voisines.</translation>
    </message>
    <message>
        <source>Neighbourhood steps</source>
        <translation>Pas de voisinage</translation>
    </message>
    <message>
        <source>FDR correction</source>
        <translation>Correction FDR</translation>
    </message>
    <message>
        <source>Counts incidents per cell or area and finds where high (hot spots) or low counts (cold spots) cluster more than chance explains, at 90, 95 and 99 % confidence.</source>
        <translation>Compte les incidents par cellule ou par zone et trouve où les valeurs fortes (points chauds) ou faibles (points froids) se regroupent plus que le hasard ne l'explique, avec une confiance de 90, 95 et 99 %.</translation>
    </message>
    <message>
        <source>Estimates the density of incidents per km² on a grid: where they concentrate, smoothed over the bandwidth. The usual first map of a crime analysis.</source>
        <translation>Estime la densité d'incidents par km² sur une grille : où ils se concentrent, lissée sur la largeur de bande. La première carte habituelle d'une analyse de la délinquance.</translation>
    </message>
    <message>
        <source>Bandwidth</source>
        <translation>Largeur de bande</translation>
    </message>
    <message>
        <source>fixed (the value below)</source>
        <translation>fixe (la valeur ci-dessous)</translation>
    </message>
    <message>
        <source>Silverman's rule</source>
        <translation>règle de Silverman</translation>
    </message>
    <message>
        <source>Scott's rule</source>
        <translation>règle de Scott</translation>
    </message>
    <message>
        <source>ArcGIS's default</source>
        <translation>valeur par défaut d'ArcGIS</translation>
    </message>
    <message>
        <source>cross-validation (Diggle)</source>
        <translation>validation croisée (Diggle)</translation>
    </message>
    <message>
        <source>cross-validation (likelihood)</source>
        <translation>validation croisée (vraisemblance)</translation>
    </message>
    <message>
        <source>Search radius</source>
        <translation>Rayon de recherche</translation>
    </message>
    <message>
        <source>Edge correction</source>
        <translation>Correction de bord</translation>
    </message>
    <message>
        <source>Per month</source>
        <translation>Par mois</translation>
    </message>
    <message>
        <source>Finds units whose count resembles their neighbours' (High-High and Low-Low clusters) or differs from it (High-Low and Low-High outliers), with permutation p-values.</source>
        <translation>Trouve les unités dont le nombre ressemble à celui de leurs voisines (agrégats Élevé-Élevé et Faible-Faible) ou s'en écarte (valeurs atypiques Élevé-Faible et Faible-Élevé), avec des valeurs p par permutations.</translation>
    </message>
    <message>
        <source>Permutations</source>
        <translation>Permutations</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Graine</translation>
    </message>
    <message>
        <source>Significance level</source>
        <translation>Seuil de signification</translation>
    </message>
    <message>
        <source>Compares the mean distance from each incident to its nearest neighbour with what a random spread over the study area would give: below 1 the incidents cluster, above 1 they are dispersed.</source>
        <translation>Compare la distance moyenne de chaque incident à son plus proche voisin à ce que donnerait une répartition au hasard sur la zone d'étude : en dessous de 1 les incidents se regroupent, au-dessus de 1 ils sont dispersés.</translation>
    </message>
    <message>
        <source>Divides the density of incidents by the density of what exposes to them (residents, or another point layer such as bars): where incidents are more frequent than the exposure explains.</source>
        <translation>Divise la densité des incidents par celle de ce qui y expose (les habitants, ou une autre couche de points comme les bars) : où les incidents sont plus fréquents que l'exposition ne l'explique.</translation>
    </message>
    <message>
        <source>Denominator</source>
        <translation>Dénominateur</translation>
    </message>
    <message>
        <source>Incident bandwidth</source>
        <translation>Largeur de bande des incidents</translation>
    </message>
    <message>
        <source>Denominator bandwidth</source>
        <translation>Largeur de bande du dénominateur</translation>
    </message>
    <message>
        <source>Bandwidth of the denominator density in metres; 0: the incidents' bandwidth.</source>
        <translation>Largeur de bande de la densité du dénominateur en mètres ; 0 : celle des incidents.</translation>
    </message>
    <message>
        <source>Computes global Moran's I at a series of distances; the first peak is the scale at which incidents cluster most, the distance band to give the hot spot analysis.</source>
        <translation>Calcule le I de Moran global à une série de distances ; le premier pic est l'échelle à laquelle les incidents se regroupent le plus, la distance à donner à l'analyse des points chauds.</translation>
    </message>
    <message>
        <source>First distance</source>
        <translation>Première distance</translation>
    </message>
    <message>
        <source>Increment</source>
        <translation>Incrément</translation>
    </message>
    <message>
        <source>Distances</source>
        <translation>Distances</translation>
    </message>
    <message>
        <source>Groups incidents close in space and in time: series of incidents (a burglary spree, a week of thefts around a station) rather than places.</source>
        <translation>Regroupe les incidents proches dans l'espace et dans le temps : des séries d'incidents (une vague de cambriolages, une semaine de vols autour d'une gare) plutôt que des lieux.</translation>
    </message>
    <message>
        <source>Time window</source>
        <translation>Fenêtre temporelle</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Unités</translation>
    </message>
    <message>
        <source>quartiers</source>
        <translation>quartiers</translation>
    </message>
    <message>
        <source>arrondissements</source>
        <translation>arrondissements</translation>
    </message>
    <message>
        <source>Units analysed: square cells, hexagons, or the quartiers or arrondissements.</source>
        <translation>Unités analysées : cellules carrées, hexagones, ou les quartiers ou arrondissements.</translation>
    </message>
    <message>
        <source>Size of a cell in metres (square side, or distance between hexagon centres).</source>
        <translation>Taille d'une cellule en mètres (côté du carré, ou distance entre centres d'hexagones).</translation>
    </message>
    <message>
        <source>Neighbours</source>
        <translation>Voisins</translation>
    </message>
    <message>
        <source>within a distance</source>
        <translation>dans un rayon</translation>
    </message>
    <message>
        <source>k nearest</source>
        <translation>k plus proches</translation>
    </message>
    <message>
        <source>queen contiguity</source>
        <translation>contiguïté reine</translation>
    </message>
    <message>
        <source>rook contiguity</source>
        <translation>contiguïté tour</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>automatique</translation>
    </message>
    <message>
        <source>Neighbours: within a distance, the k nearest, or sharing a border (queen: a corner is enough; rook: an edge). Empty: queen for areas, distance for cells.</source>
        <translation>Voisins : à moins d'une distance, les k plus proches, ou partageant une limite (reine : un coin suffit ; tour : un côté). Vide : reine pour les zones, distance pour les cellules.</translation>
    </message>
    <message>
        <source>Distance band</source>
        <translation>Distance de voisinage</translation>
    </message>
    <message>
        <source>Distance band in metres; 0 chooses it from the data (first peak of spatial autocorrelation, as ArcGIS's optimised hot spot analysis).</source>
        <translation>Distance de voisinage en mètres ; 0 la choisit d'après les données (premier pic d'autocorrélation spatiale, comme l'analyse optimisée des points chauds d'ArcGIS).</translation>
    </message>
    <message>
        <source>Neighbours (k)</source>
        <translation>Voisins (k)</translation>
    </message>
    <message>
        <source>Number of nearest neighbours (knn weights).</source>
        <translation>Nombre de plus proches voisins (pondération knn).</translation>
    </message>
    <message>
        <source>Value analysed</source>
        <translation>Valeur analysée</translation>
    </message>
    <message>
        <source>number of incidents</source>
        <translation>nombre d'incidents</translation>
    </message>
    <message>
        <source>rate per 1,000 inhabitants</source>
        <translation>taux pour 1 000 habitants</translation>
    </message>
    <message>
        <source>For areas: the number of incidents, or the rate per 1,000 inhabitants.</source>
        <translation>Pour les zones : le nombre d'incidents, ou le taux pour 1 000 habitants.</translation>
    </message>
    <message>
        <source>Kernel</source>
        <translation>Noyau</translation>
    </message>
    <message>
        <source>quartic (biweight)</source>
        <translation>quartique (biweight)</translation>
    </message>
    <message>
        <source>Epanechnikov</source>
        <translation>Epanechnikov</translation>
    </message>
    <message>
        <source>triangular</source>
        <translation>triangulaire</translation>
    </message>
    <message>
        <source>uniform</source>
        <translation>uniforme</translation>
    </message>
    <message>
        <source>Gaussian</source>
        <translation>gaussien</translation>
    </message>
    <message>
        <source>too small for this area (more than 20 million cells)</source>
        <translation>trop petite pour cette zone (plus de 20 millions de mailles)</translation>
    </message>
    <message>
        <source>Repeat locations (concentration)</source>
        <translation>Lieux répétés (concentration)</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unité</translation>
    </message>
    <message>
        <source>places (same location)</source>
        <translation>lieux (même position)</translation>
    </message>
    <message>
        <source>Places: incidents at the same position, within the tolerance (geocoded addresses). Cells: a square grid over the study area.</source>
        <translation>Lieux : les incidents à la même position, à la tolérance près (adresses géocodées). Cellules : une grille carrée sur la zone d'étude.</translation>
    </message>
    <message>
        <source>Side of the cells in metres (unit: cells).</source>
        <translation>Côté des cellules en mètres (unité : cellules).</translation>
    </message>
    <message>
        <source>Tolerance</source>
        <translation>Tolérance</translation>
    </message>
    <message>
        <source>Positions closer than this are one place (unit: places).</source>
        <translation>Des positions plus proches que cela forment un seul lieu (unité : lieux).</translation>
    </message>
    <message>
        <source>Count empty cells</source>
        <translation>Compter les cellules vides</translation>
    </message>
    <message>
        <source>Cells of the study area without incidents count as units (the share of the area, rather than of the places with incidents).</source>
        <translation>Les cellules de la zone d'étude sans incident comptent comme unités (la part du territoire, plutôt que des lieux touchés).</translation>
    </message>
    <message>
        <source>No incident to count.</source>
        <translation>Aucun incident à compter.</translation>
    </message>
    <message>
        <source>Writing the ranked units</source>
        <translation>Écriture des unités classées</translation>
    </message>
    <message>
        <source>cells</source>
        <translation>cellules</translation>
    </message>
    <message>
        <source>places</source>
        <translation>lieux</translation>
    </message>
    <message>
        <source>The top 1% of units hold %1% of the incidents; the top 5%: %2%; 10%: %3%; 20%: %4%</source>
        <translation>Les 1 % d'unités les plus touchées concentrent %1 % des incidents ; les 5 % : %2 % ; 10 % : %3 % ; 20 % : %4 %</translation>
    </message>
    <message>
        <source>Half the incidents are in %1% of the units, 80% in %2%</source>
        <translation>La moitié des incidents se trouve dans %1 % des unités, 80 % dans %2 %</translation>
    </message>
    <message>
        <source>Repeat locations: %1 units with 2 incidents or more hold %2% of the incidents</source>
        <translation>Lieux répétés : %1 unités avec 2 incidents ou plus concentrent %2 % des incidents</translation>
    </message>
    <message>
        <source>Counts incidents per place (same address) or per cell and ranks them: what share of the incidents the top 1, 5, 10 and 20% of places hold, the concentration curve and the Gini coefficient. Few places holding many incidents is where problem-oriented work pays.</source>
        <translation>Compte les incidents par lieu (même adresse) ou par cellule et les classe : quelle part des incidents concentrent les 1, 5, 10 et 20 % de lieux les plus touchés, la courbe de concentration et le coefficient de Gini. Là où peu de lieux concentrent beaucoup d'incidents, l'action ciblée paie.</translation>
    </message>
    <message>
        <source>%1 %3, %2 of them with incidents, for %4 incidents; Gini coefficient %5</source>
        <translation>%1 %3, dont %2 avec des incidents, pour %4 incidents ; coefficient de Gini %5</translation>
    </message>
    <message>
        <source>The workspace has no layer "%1".</source>
        <translation>L’espace de travail n’a pas de couche « %1 ».</translation>
    </message>
    <message>
        <source>Nearest-neighbour index: %1 (z = %2, %3): %4</source>
        <translation>Indice du plus proche voisin : %1 (z = %2, %3) : %4</translation>
    </message>
    <message>
        <source>Layer "%1" has no dates: a period cannot be applied to it. Import it with its date column (--map occurred_at=COLUMN), or leave out the period.</source>
        <translation>La couche « %1 » n’a pas de dates : une période ne peut pas lui être appliquée. Importez-la avec sa colonne de date (--map occurred_at=COLONNE), ou retirez la période.</translation>
    </message>
</context>
<context>
    <name>vigie::core::AtomicFile</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d'écrire %1 : %2</translation>
    </message>
    <message>
        <source>Cannot write %1: the file already exists.</source>
        <translation>Impossible d'écrire %1 : le fichier existe déjà.</translation>
    </message>
</context>
<context>
    <name>vigie::core::BaseMapSource</name>
    <message>
        <source>OpenStreetMap</source>
        <translation>OpenStreetMap</translation>
    </message>
    <message>
        <source>© OpenStreetMap contributors</source>
        <translation>© les contributeurs d'OpenStreetMap</translation>
    </message>
    <message>
        <source>Plan IGN (Géoplateforme)</source>
        <translation>Plan IGN (Géoplateforme)</translation>
    </message>
    <message>
        <source>© IGN – Plan IGN</source>
        <translation>© IGN – Plan IGN</translation>
    </message>
    <message>
        <source>“%1” is not a web address (it must start with http:// or https://).</source>
        <translation>« %1 » n'est pas une adresse web (elle doit commencer par http:// ou https://).</translation>
    </message>
    <message>
        <source>The address of a tile server must hold {z}, {x} and {y}; %1 has no %2.</source>
        <translation>L'adresse d'un serveur de tuiles doit contenir {z}, {x} et {y} ; %1 n'a pas de %2.</translation>
    </message>
    <message>
        <source>%1 is not a tiles file GDAL can read (MBTiles or GeoPackage tiles): %2</source>
        <translation>%1 n'est pas un fichier de tuiles lisible par GDAL (MBTiles ou tuiles GeoPackage) : %2</translation>
    </message>
    <message>
        <source>no raster tiles in it</source>
        <translation>il ne contient aucune tuile raster</translation>
    </message>
    <message>
        <source>%1 holds no colour tiles (%2 band(s)).</source>
        <translation>%1 ne contient pas de tuiles en couleur (%2 bande(s)).</translation>
    </message>
    <message>
        <source>No base map to draw.</source>
        <translation>Aucun fond de plan à dessiner.</translation>
    </message>
    <message>
        <source>Drawing the base map was canceled.</source>
        <translation>Le dessin du fond de plan a été annulé.</translation>
    </message>
    <message>
        <source>Cannot draw the base map %1: %2</source>
        <translation>Impossible de dessiner le fond de plan %1 : %2</translation>
    </message>
    <message>
        <source>the server %1 does not answer</source>
        <translation>le serveur %1 ne répond pas</translation>
    </message>
    <message>
        <source>The base map %1 cannot be drawn: %2</source>
        <translation>Le fond de plan %1 ne peut pas être dessiné : %2</translation>
    </message>
    <message>
        <source>Cannot read the base map's pixels.</source>
        <translation>Impossible de lire les pixels du fond de plan.</translation>
    </message>
</context>
<context>
    <name>vigie::core::DemoGenerator</name>
    <message>
        <source>Could not clip the demo quartier %1: %2</source>
        <translation>Impossible de découper le quartier de démonstration %1 : %2</translation>
    </message>
    <message>
        <source>The demo quartier %1 has an empty geometry.</source>
        <translation>Le quartier de démonstration %1 a une géométrie vide.</translation>
    </message>
    <message>
        <source>Could not merge the quartiers of arrondissement %1: %2</source>
        <translation>Impossible de fusionner les quartiers de l’arrondissement %1 : %2</translation>
    </message>
    <message>
        <source>Simulating near-repeat incidents</source>
        <translation>Simulation des incidents à répétition proche (near-repeat)</translation>
    </message>
    <message>
        <source>The built-in layer "%1" is missing.</source>
        <translation>La couche intégrée "%1" est absente.</translation>
    </message>
    <message>
        <source>Building the quartiers</source>
        <translation>Construction des quartiers</translation>
    </message>
    <message>
        <source>Laying out the road network</source>
        <translation>Tracé du réseau routier</translation>
    </message>
    <message>
        <source>Planning public events</source>
        <translation>Planification des événements publics</translation>
    </message>
    <message>
        <source>Simulating incidents</source>
        <translation>Simulation des incidents</translation>
    </message>
    <message>
        <source>Placing cameras</source>
        <translation>Placement des caméras</translation>
    </message>
    <message>
        <source>Writing the workspace</source>
        <translation>Écriture de l’espace de travail</translation>
    </message>
    <message>
        <source>Writing incidents</source>
        <translation>Écriture des incidents</translation>
    </message>
    <message>
        <source>Writing cameras, events and traffic</source>
        <translation>Écriture des caméras, des événements et du trafic</translation>
    </message>
    <message>
        <source>Finishing the workspace</source>
        <translation>Finalisation de l’espace de travail</translation>
    </message>
    <message>
        <source>Cannot create the demo workspace %1: the file already exists.</source>
        <translation>Impossible de créer l’espace de travail de démonstration %1 : le fichier existe déjà.</translation>
    </message>
    <message>
        <source>Invalid demo options: the period or the incident scale is wrong.</source>
        <translation>Options de démonstration invalides : la période ou l’échelle des incidents est incorrecte.</translation>
    </message>
    <message>
        <source>Demo workspace ready</source>
        <translation>Espace de travail de démonstration prêt</translation>
    </message>
    <message>
        <source>Creation of the demo workspace %1 was canceled.</source>
        <translation>La création de l’espace de travail de démonstration %1 a été annulée.</translation>
    </message>
    <message>
        <source>Could not create the demo workspace %1: %2</source>
        <translation>Impossible de créer l’espace de travail de démonstration %1 : %2</translation>
    </message>
</context>
<context>
    <name>vigie::core::Exporter</name>
    <message>
        <source>Cannot write %1: the folder %2 does not exist.</source>
        <translation>Impossible d’écrire %1 : le dossier %2 n’existe pas.</translation>
    </message>
    <message>
        <source>Cannot write in %1: %2</source>
        <translation>Impossible d’écrire dans %1 : %2</translation>
    </message>
    <message>
        <source>%1 exists already: choose another name, or replace it.</source>
        <translation>%1 existe déjà : choisissez un autre nom, ou remplacez-le.</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>Impossible d’écrire %1.</translation>
    </message>
    <message>
        <source>GDAL has no %1 driver.</source>
        <translation>GDAL n’a pas de pilote %1.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d'écrire %1 : %2</translation>
    </message>
    <message>
        <source>Coordinates in longitude and latitude (WGS 84).</source>
        <translation>Coordonnées en longitude et latitude (WGS 84).</translation>
    </message>
    <message>
        <source>Cannot write feature %1 to %2: %3</source>
        <translation>Impossible d’écrire l’entité %1 dans %2 : %3</translation>
    </message>
    <message>
        <source>Shapefile names are at most 10 characters: %1 (listed in %2).</source>
        <translation>Les noms d’un Shapefile ont 10 caractères au plus : %1 (liste dans %2).</translation>
    </message>
    <message>
        <source>Layer "%1" has no grid.</source>
        <translation>La couche « %1 » n’a pas de grille.</translation>
    </message>
    <message>
        <source>GDAL has no COG driver.</source>
        <translation>GDAL n’a pas de pilote COG.</translation>
    </message>
    <message>
        <source>The workspace has no layer "%1".</source>
        <translation>L’espace de travail n’a pas de couche « %1 ».</translation>
    </message>
    <message>
        <source>Cannot write %1: layer "%2" is %3 and can be written as %4.</source>
        <translation>Impossible d’écrire %1 : la couche « %2 » est %3 et peut s’écrire en %4.</translation>
    </message>
    <message>
        <source>a raster</source>
        <translation>une grille</translation>
    </message>
    <message>
        <source>a vector layer</source>
        <translation>une couche vectorielle</translation>
    </message>
</context>
<context>
    <name>vigie::core::GdalRaster</name>
    <message>
        <source>GDAL cannot hold a grid of %1 × %2 cells: %3</source>
        <translation>GDAL ne peut pas contenir une grille de %1 × %2 cellules : %3</translation>
    </message>
</context>
<context>
    <name>vigie::core::PlaceIndex</name>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>vigie::core::ProjectState</name>
    <message>
        <source>The saved map state is larger than %1 MB; it was not read.</source>
        <translation>L’état enregistré de la carte dépasse %1 Mo ; il n’a pas été lu.</translation>
    </message>
    <message>
        <source>The saved map state is not valid JSON (%1).</source>
        <translation>L’état enregistré de la carte n’est pas du JSON valide (%1).</translation>
    </message>
    <message>
        <source>The saved map state is not a Vigie map state.</source>
        <translation>L’état enregistré de la carte n’est pas un état de carte Vigie.</translation>
    </message>
    <message>
        <source>The saved map state was written by a newer Vigie; it was not read.</source>
        <translation>L’état enregistré de la carte a été écrit par une version plus récente de Vigie ; il n’a pas été lu.</translation>
    </message>
</context>
<context>
    <name>vigie::core::Pseudonymiser</name>
    <message>
        <source>Cannot read the pseudonymisation key %1: %2</source>
        <translation>Impossible de lire la clé de pseudonymisation %1 : %2</translation>
    </message>
    <message>
        <source>The pseudonymisation key %1 is too short (%2 bytes, at least 16).</source>
        <translation>La clé de pseudonymisation %1 est trop courte (%2 octets, au moins 16).</translation>
    </message>
    <message>
        <source>Cannot create the folder of the pseudonymisation key %1.</source>
        <translation>Impossible de créer le dossier de la clé de pseudonymisation %1.</translation>
    </message>
    <message>
        <source>Cannot create the pseudonymisation key %1: %2</source>
        <translation>Impossible de créer la clé de pseudonymisation %1 : %2</translation>
    </message>
    <message>
        <source>Cannot write the pseudonymisation key %1: %2</source>
        <translation>Impossible d'écrire la clé de pseudonymisation %1 : %2</translation>
    </message>
    <message>
        <source>The pseudonymisation key %1 already exists: it is never replaced.</source>
        <translation>La clé de pseudonymisation %1 existe déjà : elle n'est jamais remplacée.</translation>
    </message>
    <message>
        <source>The pseudonymisation key %1 named by VIGIE_PSEUDONYM_KEY_FILE does not exist. Check the name (a new key would give the same people other pseudonyms); to start a new shared key there, run: vigie-cli key --create %1</source>
        <translation>La clé de pseudonymisation %1 désignée par VIGIE_PSEUDONYM_KEY_FILE n'existe pas. Vérifiez le nom (une nouvelle clé donnerait d'autres pseudonymes aux mêmes personnes) ; pour y créer une nouvelle clé partagée, lancez : vigie-cli key --create %1</translation>
    </message>
    <message>
        <source>The pseudonymisation key %1 is not a regular file.</source>
        <translation>La clé de pseudonymisation %1 n'est pas un fichier ordinaire.</translation>
    </message>
    <message>
        <source>The pseudonymisation key %1 can be read or changed by other users of this computer: make it readable by its owner only (chmod 600 %1), then try again.</source>
        <translation>La clé de pseudonymisation %1 peut être lue ou modifiée par d'autres utilisateurs de cet ordinateur : rendez-la lisible par son seul propriétaire (chmod 600 %1), puis réessayez.</translation>
    </message>
    <message>
        <source>The personal fields of workspace %1 were pseudonymised with the key whose id is %2, and there is no key at %3. Restore that key file, or name it with VIGIE_PSEUDONYM_KEY_FILE: a new key would give the same people other pseudonyms.</source>
        <translation>Les champs personnels de l'espace de travail %1 ont été pseudonymisés avec la clé d'identifiant %2, et il n'y a pas de clé à l'emplacement %3. Restaurez ce fichier de clé, ou désignez-le avec VIGIE_PSEUDONYM_KEY_FILE : une nouvelle clé donnerait d'autres pseudonymes aux mêmes personnes.</translation>
    </message>
    <message>
        <source>The pseudonymisation key %1 (id %2) is not the key workspace %3 was pseudonymised with (id %4): the same people would get other pseudonyms. Use that workspace's key (VIGIE_PSEUDONYM_KEY_FILE names it).</source>
        <translation>La clé de pseudonymisation %1 (identifiant %2) n'est pas celle avec laquelle l'espace de travail %3 a été pseudonymisé (identifiant %4) : les mêmes personnes recevraient d'autres pseudonymes. Utilisez la clé de cet espace de travail (VIGIE_PSEUDONYM_KEY_FILE la désigne).</translation>
    </message>
</context>
<context>
    <name>vigie::core::QgisProject</name>
    <message>
        <source>%1 (%2, run %3 on %4).

Parameters:
%5
Figures:
%6</source>
        <translation>%1 (%2, exécution %3 du %4).

Paramètres :
%5
Chiffres :
%6</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>Impossible d’écrire %1.</translation>
    </message>
    <message>
        <source>A QGIS project is a .qgz or .qgs file: %1.</source>
        <translation>Un projet QGIS est un fichier .qgz ou .qgs : %1.</translation>
    </message>
    <message>
        <source>%1 already exists.</source>
        <translation>%1 existe déjà.</translation>
    </message>
    <message>
        <source>Cannot write in %1.</source>
        <translation>Impossible d’écrire dans %1.</translation>
    </message>
</context>
<context>
    <name>vigie::core::ReportMessages</name>
    <message>
        <source>the report was canceled</source>
        <translation>le rapport a été annulé</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>impossible d'écrire %1 : %2</translation>
    </message>
    <message>
        <source>report query failed: not read-only</source>
        <translation>échec de la requête du rapport : elle n'est pas en lecture seule</translation>
    </message>
    <message>
        <source>A table is written as .csv or .xlsx: %1.</source>
        <translation>Un tableau s’écrit en .csv ou en .xlsx : %1.</translation>
    </message>
    <message>
        <source>%1 already exists.</source>
        <translation>%1 existe déjà.</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>Impossible d’écrire %1.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d'écrire %1 : %2</translation>
    </message>
</context>
<context>
    <name>vigie::core::ReportPeriod</name>
    <message>
        <source>the period "%1" is not of the form 2025-01..2025-03 or 2025-01-01..2025-03-31</source>
        <translation>la période « %1 » n'est pas de la forme 2025-01..2025-03 ou 2025-01-01..2025-03-31</translation>
    </message>
    <message>
        <source>the period "%1" is empty: it ends before it starts</source>
        <translation>la période « %1 » est vide : elle finit avant de commencer</translation>
    </message>
</context>
<context>
    <name>vigie::core::ReportTemplate</name>
    <message>
        <source>Report template %1, key "%2": %3</source>
        <translation>Modèle de rapport %1, clé « %2 » : %3</translation>
    </message>
    <message>
        <source>Report template %1: invalid JSON at offset %2: %3</source>
        <translation>Modèle de rapport %1 : JSON invalide à la position %2 : %3</translation>
    </message>
    <message>
        <source>Report template %1: the document is not a JSON object</source>
        <translation>Modèle de rapport %1 : le document n'est pas un objet JSON</translation>
    </message>
    <message>
        <source>must be %1 (the report template format this version reads)</source>
        <translation>doit valoir %1 (le format de modèle de rapport que lit cette version)</translation>
    </message>
    <message>
        <source>must be made of a-z, 0-9 and _, starting with a letter</source>
        <translation>doit être fait de a-z, 0-9 et _, en commençant par une lettre</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>est obligatoire</translation>
    </message>
    <message>
        <source>needs "layer", "key" and "areaField"</source>
        <translation>demande « layer », « key » et « areaField »</translation>
    </message>
    <message>
        <source>must be between 1 and 1000</source>
        <translation>doit être compris entre 1 et 1000</translation>
    </message>
    <message>
        <source>must be "a4" or "a3"</source>
        <translation>doit valoir « a4 » ou « a3 »</translation>
    </message>
    <message>
        <source>must be "portrait" or "landscape"</source>
        <translation>doit valoir « portrait » ou « landscape »</translation>
    </message>
    <message>
        <source>no report template "%1": neither a file nor one of the built-in templates (%2)</source>
        <translation>pas de modèle de rapport « %1 » : ni un fichier ni l'un des modèles fournis (%2)</translation>
    </message>
    <message>
        <source>cannot read the report template %1: %2</source>
        <translation>impossible de lire le modèle de rapport %1 : %2</translation>
    </message>
</context>
<context>
    <name>vigie::core::ScenarioRunner</name>
    <message>
        <source>The cameras layer has no direction, field of view and range fields.</source>
        <translation>La couche des caméras n'a pas de champs d'orientation, d'angle de vision et de portée.</translation>
    </message>
    <message>
        <source>no area "%1" in the layer "%2"</source>
        <translation>aucune zone "%1" dans la couche "%2"</translation>
    </message>
    <message>
        <source>name at least one area</source>
        <translation>nommez au moins une zone</translation>
    </message>
    <message>
        <source>The layer "%1" has no dates: scenarios need dated incidents.</source>
        <translation>La couche "%1" n'a pas de dates : les scénarios demandent des incidents datés.</translation>
    </message>
    <message>
        <source>too small for this area (more than 20 million cells)</source>
        <translation>trop petite pour cette zone (plus de 20 millions de mailles)</translation>
    </message>
    <message>
        <source>"%1" is not sepp, prospective-kde or last-period</source>
        <translation>"%1" n'est ni sepp, ni prospective-kde, ni last-period</translation>
    </message>
    <message>
        <source>self-exciting point process (SEPP)</source>
        <translation>processus ponctuel auto-excitant (SEPP)</translation>
    </message>
    <message>
        <source>prospective KDE</source>
        <translation>KDE prospective</translation>
    </message>
    <message>
        <source>last period's counts</source>
        <translation>comptages de la période précédente</translation>
    </message>
    <message>
        <source>Expected incidents in the study area: %1 (%2 cells of %3 m)</source>
        <translation>Incidents attendus dans la zone d'étude : %1 (%2 mailles de %3 m)</translation>
    </message>
    <message>
        <source>The riskiest 1 % of the area holds %1 of the expected incidents, the riskiest 5 % %2</source>
        <translation>Le 1 % de la zone le plus à risque concentre %1 des incidents attendus, les 5 % les plus à risque %2</translation>
    </message>
    <message>
        <source>Fitting the %1</source>
        <translation>Ajustement : %1</translation>
    </message>
    <message>
        <source>Writing the risk map</source>
        <translation>Écriture de la carte de risque</translation>
    </message>
    <message numerus="yes">
        <source>Model: %1; period: %2 from %3; trained on %n incident(s)</source>
        <translation>
            <numerusform>Modèle : %1 ; période : %2 à partir du %3 ; appris sur %n incident</numerusform>
            <numerusform>Modèle : %1 ; période : %2 à partir du %3 ; appris sur %n incidents</numerusform>
        </translation>
    </message>
    <message>
        <source>SEPP: background %1 incidents/day; each incident triggers %2 more on average (branching ratio), after %3 days on average, within about %4 m</source>
        <translation>SEPP : fond de %1 incidents/jour ; chaque incident en entraîne %2 autres en moyenne (taux de branchement), après %3 jours en moyenne, à environ %4 m</translation>
    </message>
    <message>
        <source>Note: the EM stopped after %1 iterations without converging.</source>
        <translation>Remarque : l'EM s'est arrêté après %1 itérations sans converger.</translation>
    </message>
    <message>
        <source>The workspace has no events layer: the event scenario learns from past events.</source>
        <translation>L'espace de travail n'a pas de couche d'événements : le scénario d'événement apprend des événements passés.</translation>
    </message>
    <message>
        <source>no event at "%1" in the events layer (venues: %2)</source>
        <translation>aucun événement à "%1" dans la couche des événements (lieux : %2)</translation>
    </message>
    <message>
        <source>give a venue of the events layer, or x and y</source>
        <translation>indiquez un lieu de la couche des événements, ou x et y</translation>
    </message>
    <message>
        <source>%1, %2 (Lambert-93)</source>
        <translation>%1, %2 (Lambert-93)</translation>
    </message>
    <message>
        <source>give the date and time of the event (2026-03-14T21:00)</source>
        <translation>indiquez la date et l'heure de l'événement (2026-03-14T21:00)</translation>
    </message>
    <message>
        <source>Comparing past events with ordinary days</source>
        <translation>Comparaison des événements passés avec des jours ordinaires</translation>
    </message>
    <message>
        <source>Mapping the extra risk around the venue</source>
        <translation>Cartographie du risque supplémentaire autour du site</translation>
    </message>
    <message>
        <source>Checking the cameras around the venue</source>
        <translation>Vérification des caméras autour du site</translation>
    </message>
    <message>
        <source>Venue: %1; %2; attendance %3; type: %4</source>
        <translation>Site : %1 ; %2 ; affluence %3 ; type : %4</translation>
    </message>
    <message>
        <source>as in past events</source>
        <translation>comme lors des événements passés</translation>
    </message>
    <message>
        <source>any</source>
        <translation>tous</translation>
    </message>
    <message numerus="yes">
        <source>Learnt from %n past event(s) at this venue</source>
        <translation>
            <numerusform>Appris de %n événement passé sur ce site</numerusform>
            <numerusform>Appris de %n événements passés sur ce site</numerusform>
        </translation>
    </message>
    <message>
        <source> (%1 matched ordinary days); incidents within %2 m</source>
        <translation> (%1 jours ordinaires appariés) ; incidents à moins de %2 m</translation>
    </message>
    <message>
        <source>Extra incidents expected: %1 (%2 % interval %3 to %4)</source>
        <translation>Incidents supplémentaires attendus : %1 (intervalle à %2 % : %3 à %4)</translation>
    </message>
    <message>
        <source>Hour   Extra   Interval        Units (prudent)</source>
        <translation>Heure  Suppl.  Intervalle      Unités (prudent)</translation>
    </message>
    <message>
        <source>Staffing by sector (prudent units per hour, from %1):</source>
        <translation>Effectifs par secteur (unités prudentes par heure, à partir de %1) :</translation>
    </message>
    <message>
        <source>%1 extra</source>
        <translation>%1 en plus</translation>
    </message>
    <message>
        <source>Cameras seeing the site (%1 m around the venue): %2; covered share %3; blind spots: %4 cells of %5 m</source>
        <translation>Caméras qui voient le site (%1 m autour) : %2 ; part couverte %3 ; angles morts : %4 mailles de %5 m</translation>
    </message>
    <message>
        <source>"%1" is not "x,y" in metres (Lambert-93)</source>
        <translation>"%1" n'est pas "x,y" en mètres (Lambert-93)</translation>
    </message>
    <message>
        <source>give the units' positions as "x,y;x,y"</source>
        <translation>indiquez les positions des unités sous la forme "x,y;x,y"</translation>
    </message>
    <message>
        <source>optimised coverage</source>
        <translation>couverture optimisée</translation>
    </message>
    <message>
        <source>riskiest cells</source>
        <translation>mailles les plus à risque</translation>
    </message>
    <message>
        <source>shared by sector</source>
        <translation>répartition par secteur</translation>
    </message>
    <message>
        <source>given positions</source>
        <translation>positions données</translation>
    </message>
    <message>
        <source>Too few incidents in this shift's hours to forecast its risk.</source>
        <translation>Trop peu d'incidents aux heures de cette vacation pour en prévoir le risque.</translation>
    </message>
    <message>
        <source>Forecasting the shift's risk</source>
        <translation>Prévision du risque de la vacation</translation>
    </message>
    <message>
        <source>Allocating the units</source>
        <translation>Affectation des unités</translation>
    </message>
    <message>
        <source>Simulating response times</source>
        <translation>Simulation des délais d'intervention</translation>
    </message>
    <message>
        <source>Writing the allocation</source>
        <translation>Écriture de l'affectation</translation>
    </message>
    <message>
        <source>Shift: %1 %2; %3 units; forecast: %4 trained on %5 incidents of these hours</source>
        <translation>Vacation : %1 %2 ; %3 unités ; prévision : %4 appris sur %5 incidents de ces heures</translation>
    </message>
    <message>
        <source>Travel: %1; %2 simulated incidents; seed %3</source>
        <translation>Trajets : %1 ; %2 incidents simulés ; graine %3</translation>
    </message>
    <message>
        <source>on the road network (%1 nodes) and local streets</source>
        <translation>sur le réseau routier (%1 nœuds) et les rues de desserte</translation>
    </message>
    <message>
        <source>straight line at %1 km/h</source>
        <translation>en ligne droite à %1 km/h</translation>
    </message>
    <message>
        <source>A: %1; B: %2</source>
        <translation>A : %1 ; B : %2</translation>
    </message>
    <message>
        <source>Risk covered (%1 m)</source>
        <translation>Risque couvert (%1 m)</translation>
    </message>
    <message>
        <source>%1 pts</source>
        <translation>%1 pts</translation>
    </message>
    <message>
        <source>Mean response (min)</source>
        <translation>Délai moyen (min)</translation>
    </message>
    <message>
        <source>Median response (min)</source>
        <translation>Délai médian (min)</translation>
    </message>
    <message>
        <source>90th percentile (min)</source>
        <translation>90e centile (min)</translation>
    </message>
    <message>
        <source>Within %1 min</source>
        <translation>En moins de %1 min</translation>
    </message>
    <message>
        <source>B responds sooner than A for %1 of the simulated incidents.</source>
        <translation>B intervient plus tôt que A pour %1 des incidents simulés.</translation>
    </message>
    <message>
        <source>"%1": a camera is x,y,direction,fov,range (metres, degrees; fov in (0, 360], range in (0, 1000])</source>
        <translation>"%1" : une caméra s'écrit x,y,orientation,angle,portée (mètres, degrés ; angle dans ]0, 360], portée dans ]0, 1000])</translation>
    </message>
    <message>
        <source>Estimating the incident risk surface</source>
        <translation>Estimation de la surface de risque</translation>
    </message>
    <message>
        <source>no active camera "%1"</source>
        <translation>aucune caméra active "%1"</translation>
    </message>
    <message>
        <source>"%1": an edit is add:…, move:ID:… or remove:ID</source>
        <translation>"%1" : une modification s'écrit add:…, move:ID:… ou remove:ID</translation>
    </message>
    <message>
        <source>add, move or remove a camera, or ask for suggested cameras</source>
        <translation>ajoutez, déplacez ou retirez une caméra, ou demandez des caméras proposées</translation>
    </message>
    <message>
        <source>Looking for the best new camera sites</source>
        <translation>Recherche des meilleurs sites pour de nouvelles caméras</translation>
    </message>
    <message>
        <source>Comparing the coverage</source>
        <translation>Comparaison de la couverture</translation>
    </message>
    <message>
        <source>Risk: incidents of %1 to %2 (%3), cells of %4 m; hot spots: the top %5 of cells</source>
        <translation>Risque : incidents du %1 au %2 (%3), mailles de %4 m ; points chauds : les %5 de mailles les plus à risque</translation>
    </message>
    <message>
        <source>Cameras: %1 active before, %2 after (%3 edit(s), %4 suggested)</source>
        <translation>Caméras : %1 actives avant, %2 après (%3 modification(s), %4 proposée(s))</translation>
    </message>
    <message>
        <source>                          Before     After    Change</source>
        <translation>                           Avant     Après Variation</translation>
    </message>
    <message>
        <source> pts</source>
        <translation> pts</translation>
    </message>
    <message>
        <source>Risk covered</source>
        <translation>Risque couvert</translation>
    </message>
    <message>
        <source>Hot-spot risk covered</source>
        <translation>Risque des points chauds couvert</translation>
    </message>
    <message>
        <source>Cells gained: %1; cells lost: %2 (cells of %3 m)</source>
        <translation>Mailles gagnées : %1 ; mailles perdues : %2 (mailles de %3 m)</translation>
    </message>
    <message>
        <source>Suggested PROP-%1 at %2, %3 facing %4°: covers %5 more incidents</source>
        <translation>Proposée PROP-%1 en %2, %3 orientée à %4° : couvre %5 incidents de plus</translation>
    </message>
    <message>
        <source>needs at least one period (%1 days) of data before and after it</source>
        <translation>demande au moins une période (%1 jours) de données avant et après</translation>
    </message>
    <message>
        <source>no cell centre falls in the action area: take smaller cells</source>
        <translation>aucun centre de maille dans la zone de l'action : prenez des mailles plus petites</translation>
    </message>
    <message>
        <source>Estimating the effect (difference in differences)</source>
        <translation>Estimation de l'effet (différence de différences)</translation>
    </message>
    <message>
        <source>Writing the areas compared</source>
        <translation>Écriture des zones comparées</translation>
    </message>
    <message>
        <source>Action (%1) in %2 on %3; %4 days before and %5 after, in periods of %6 days</source>
        <translation>Action (%1) à %2 le %3 ; %4 jours avant et %5 après, par périodes de %6 jours</translation>
    </message>
    <message>
        <source>Note: the windows were shortened to the data available (asked %1 and %2 days).</source>
        <translation>Remarque : les fenêtres ont été raccourcies aux données disponibles (demandé : %1 et %2 jours).</translation>
    </message>
    <message>
        <source>Controls: %1</source>
        <translation>Témoins : %1</translation>
    </message>
    <message>
        <source>every other cell of the city (outside the buffer)</source>
        <translation>toutes les autres mailles de la ville (hors zone tampon)</translation>
    </message>
    <message numerus="yes">
        <source>the %n cell(s) whose trend before best matches the area</source>
        <translation>
            <numerusform>la maille dont la tendance avant ressemble le plus à celle de la zone</numerusform>
            <numerusform>les %n mailles dont la tendance avant ressemble le plus à celle de la zone</numerusform>
        </translation>
    </message>
    <message>
        <source>                  Before     After</source>
        <translation>                   Avant     Après</translation>
    </message>
    <message>
        <source>Action area</source>
        <translation>Secteur de l'action</translation>
    </message>
    <message>
        <source>Buffer</source>
        <translation>Zone tampon</translation>
    </message>
    <message>
        <source>Controls</source>
        <translation>Témoins</translation>
    </message>
    <message>
        <source>Period bootstrap interval: %1 to %2</source>
        <translation>Intervalle bootstrap par périodes : %1 à %2</translation>
    </message>
    <message>
        <source>Incidents fell in the area more than in the controls: the action is associated with a significant reduction.</source>
        <translation>Les incidents ont plus baissé dans la zone que chez les témoins : l'action est associée à une baisse significative.</translation>
    </message>
    <message>
        <source>Incidents rose in the area more than in the controls.</source>
        <translation>Les incidents ont plus augmenté dans la zone que chez les témoins.</translation>
    </message>
    <message>
        <source>No significant difference from the controls at this confidence level.</source>
        <translation>Pas de différence significative avec les témoins à ce niveau de confiance.</translation>
    </message>
    <message>
        <source>Displacement not assessed: the area did not improve relative to the controls (the weighted displacement quotient needs a success).</source>
        <translation>Déplacement non évalué : la zone ne s'est pas améliorée par rapport aux témoins (le quotient de déplacement pondéré suppose un succès).</translation>
    </message>
    <message>
        <source>Weighted displacement quotient: %1 — %2</source>
        <translation>Quotient de déplacement pondéré (WDQ) : %1 — %2</translation>
    </message>
    <message>
        <source>diffusion of benefits to the buffer</source>
        <translation>diffusion des bénéfices vers la zone tampon</translation>
    </message>
    <message>
        <source>displacement to the buffer</source>
        <translation>déplacement vers la zone tampon</translation>
    </message>
    <message>
        <source>Incidents avoided: %1 in the area, %2 in the buffer, %3 in total</source>
        <translation>Incidents évités : %1 dans la zone, %2 dans la zone tampon, %3 au total</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>Prévision</translation>
    </message>
    <message>
        <source>Event security planning</source>
        <translation>Sécurisation d'un événement</translation>
    </message>
    <message>
        <source>Patrol allocation</source>
        <translation>Affectation des patrouilles</translation>
    </message>
    <message>
        <source>Camera what-if</source>
        <translation>Simulation de caméras</translation>
    </message>
    <message>
        <source>Impact of an action</source>
        <translation>Impact d'une action</translation>
    </message>
    <message>
        <source>Forecasting model: self-exciting point process (background plus near repeats, fitted by EM), prospective KDE (recent incidents weigh more) or last period's counts.</source>
        <translation>Modèle de prévision : processus ponctuel auto-excitant (fond et répétitions proches, ajusté par EM), KDE prospective (les incidents récents pèsent plus) ou comptages de la période précédente.</translation>
    </message>
    <message>
        <source>Cell size of the risk grid in metres.</source>
        <translation>Taille des mailles de la grille de risque en mètres.</translation>
    </message>
    <message>
        <source>Days of history the model learns from.</source>
        <translation>Jours d'historique dont le modèle apprend.</translation>
    </message>
    <message>
        <source>Prospective KDE: standard deviation of the Gaussian kernel in metres.</source>
        <translation>KDE prospective : écart type du noyau gaussien en mètres.</translation>
    </message>
    <message>
        <source>Prospective KDE: age in days at which an incident counts half.</source>
        <translation>KDE prospective : âge en jours auquel un incident compte pour moitié.</translation>
    </message>
    <message>
        <source>SEPP: farthest distance at which an incident may trigger another (metres).</source>
        <translation>SEPP : distance maximale à laquelle un incident peut en entraîner un autre (mètres).</translation>
    </message>
    <message>
        <source>SEPP: longest delay after which an incident may trigger another (days).</source>
        <translation>SEPP : délai maximal après lequel un incident peut en entraîner un autre (jours).</translation>
    </message>
    <message>
        <source>Seed of the simulation: the same seed gives the same result.</source>
        <translation>Graine de la simulation : la même graine donne le même résultat.</translation>
    </message>
    <message>
        <source>Venue, as named in the events layer (e.g. Orange Vélodrome).</source>
        <translation>Site, tel que nommé dans la couche des événements (par ex. Orange Vélodrome).</translation>
    </message>
    <message>
        <source>Start of the event (ISO date-time, local time).</source>
        <translation>Début de l'événement (date et heure ISO, heure locale).</translation>
    </message>
    <message>
        <source>Duration of the event in hours.</source>
        <translation>Durée de l'événement en heures.</translation>
    </message>
    <message>
        <source>Expected attendance; 0: as in the past events (no scaling).</source>
        <translation>Affluence attendue ; 0 : comme lors des événements passés (sans mise à l'échelle).</translation>
    </message>
    <message>
        <source>Type of event: past events of this type only (empty: every type).</source>
        <translation>Type d'événement : seulement les événements passés de ce type (vide : tous les types).</translation>
    </message>
    <message>
        <source>Incidents counted within this distance of the venue (metres).</source>
        <translation>Incidents comptés à moins de cette distance du site (mètres).</translation>
    </message>
    <message>
        <source>Radius of the risk map around the venue (metres).</source>
        <translation>Rayon de la carte de risque autour du site (mètres).</translation>
    </message>
    <message>
        <source>Cell size of the risk map in metres.</source>
        <translation>Taille des mailles de la carte de risque en mètres.</translation>
    </message>
    <message>
        <source>Hours before the start included.</source>
        <translation>Heures avant le début incluses.</translation>
    </message>
    <message>
        <source>Hours after the end included.</source>
        <translation>Heures après la fin incluses.</translation>
    </message>
    <message>
        <source>Units per extra incident expected in an hour (staffing rule).</source>
        <translation>Unités par incident supplémentaire attendu dans l'heure (règle d'effectif).</translation>
    </message>
    <message>
        <source>Bootstrap replicates of the interval.</source>
        <translation>Réplications bootstrap de l'intervalle.</translation>
    </message>
    <message>
        <source>Confidence level of the interval.</source>
        <translation>Niveau de confiance de l'intervalle.</translation>
    </message>
    <message>
        <source>Number of units on patrol.</source>
        <translation>Nombre d'unités en patrouille.</translation>
    </message>
    <message>
        <source>Day of the shift (ISO date); empty: the day after the last incident.</source>
        <translation>Jour de la vacation (date ISO) ; vide : le lendemain du dernier incident.</translation>
    </message>
    <message>
        <source>Shift: morning (6–14 h), afternoon (14–22 h) or night (22–6 h).</source>
        <translation>Vacation : matin (6 h–14 h), après-midi (14 h–22 h) ou nuit (22 h–6 h).</translation>
    </message>
    <message>
        <source>A unit covers the risk within this distance (metres).</source>
        <translation>Une unité couvre le risque à moins de cette distance (mètres).</translation>
    </message>
    <message>
        <source>Allocation A: optimised coverage of the forecast risk, units shared by sector, the riskiest cells, or given positions.</source>
        <translation>Affectation A : couverture optimisée du risque prévu, répartition par secteur, mailles les plus à risque ou positions données.</translation>
    </message>
    <message>
        <source>Allocation B, compared with A on the same simulated incidents.</source>
        <translation>Affectation B, comparée à A sur les mêmes incidents simulés.</translation>
    </message>
    <message>
        <source>Positions of allocation A when it is "positions": x,y;x,y (Lambert-93).</source>
        <translation>Positions de l'affectation A quand elle vaut "positions" : x,y;x,y (Lambert-93).</translation>
    </message>
    <message>
        <source>Positions of allocation B when it is "positions".</source>
        <translation>Positions de l'affectation B quand elle vaut "positions".</translation>
    </message>
    <message>
        <source>Incidents simulated from the forecast (Monte Carlo).</source>
        <translation>Incidents simulés à partir de la prévision (Monte-Carlo).</translation>
    </message>
    <message>
        <source>Travel speed in km/h (straight line; the road network is driven at 50 km/h at least).</source>
        <translation>Vitesse de déplacement en km/h (en ligne droite ; au moins 50 km/h sur le réseau routier).</translation>
    </message>
    <message>
        <source>Seconds from the call to departure.</source>
        <translation>Secondes entre l'appel et le départ.</translation>
    </message>
    <message>
        <source>Target response time in minutes.</source>
        <translation>Délai d'intervention visé en minutes.</translation>
    </message>
    <message>
        <source>Travel on the road network of the traffic layer where present.</source>
        <translation>Trajets sur le réseau routier de la couche de trafic si elle existe.</translation>
    </message>
    <message>
        <source>Changes: add:x,y,direction,fov,range; move:ID:x,y,direction,fov,range; remove:ID (separated by ;).</source>
        <translation>Modifications : add:x,y,orientation,angle,portée ; move:ID:x,y,orientation,angle,portée ; remove:ID (séparées par ;).</translation>
    </message>
    <message>
        <source>Number of new cameras to place at the best sites (greedy maximum coverage).</source>
        <translation>Nombre de nouvelles caméras à placer aux meilleurs sites (couverture maximale gloutonne).</translation>
    </message>
    <message>
        <source>Range of the suggested cameras in metres.</source>
        <translation>Portée des caméras proposées en mètres.</translation>
    </message>
    <message>
        <source>Field of view of the suggested cameras in degrees.</source>
        <translation>Angle de vision des caméras proposées en degrés.</translation>
    </message>
    <message>
        <source>Cell size of the risk surface in metres.</source>
        <translation>Taille des mailles de la surface de risque en mètres.</translation>
    </message>
    <message>
        <source>Bandwidth of the risk surface (quartic KDE) in metres.</source>
        <translation>Largeur de bande de la surface de risque (KDE quartique) en mètres.</translation>
    </message>
    <message>
        <source>Hot spots are the cells above this quantile of risk (0.9: the top 10 %).</source>
        <translation>Les points chauds sont les mailles au-dessus de ce quantile de risque (0,9 : les 10 % les plus élevés).</translation>
    </message>
    <message>
        <source>Date the action started (ISO date).</source>
        <translation>Date de début de l'action (date ISO).</translation>
    </message>
    <message>
        <source>Areas of the action: names or codes, separated by commas.</source>
        <translation>Zones de l'action : noms ou codes, séparés par des virgules.</translation>
    </message>
    <message>
        <source>Polygon layer the areas are taken from.</source>
        <translation>Couche de polygones où prendre les zones.</translation>
    </message>
    <message>
        <source>Kind of action (for the record).</source>
        <translation>Nature de l'action (pour mémoire).</translation>
    </message>
    <message>
        <source>Days before the action compared.</source>
        <translation>Jours comparés avant l'action.</translation>
    </message>
    <message>
        <source>Days after the action compared.</source>
        <translation>Jours comparés après l'action.</translation>
    </message>
    <message>
        <source>Length of the periods of the count series in days.</source>
        <translation>Durée des périodes de la série de comptages en jours.</translation>
    </message>
    <message>
        <source>Comparison areas: the cells whose trend before best matches, or every other cell.</source>
        <translation>Zones de comparaison : les mailles dont la tendance avant ressemble le plus, ou toutes les autres mailles.</translation>
    </message>
    <message>
        <source>Number of matched control cells.</source>
        <translation>Nombre de mailles témoins appariées.</translation>
    </message>
    <message>
        <source>Width of the buffer around the area where displacement is measured (metres; 0: none).</source>
        <translation>Largeur de la zone tampon autour de la zone où le déplacement est mesuré (mètres ; 0 : aucune).</translation>
    </message>
    <message>
        <source>Bootstrap replicates over periods (0: none).</source>
        <translation>Réplications bootstrap sur les périodes (0 : aucune).</translation>
    </message>
    <message>
        <source>The scenario was canceled; the workspace is unchanged.</source>
        <translation>Le scénario a été annulé ; l'espace de travail est inchangé.</translation>
    </message>
    <message>
        <source>the held-out periods leave no history to learn from</source>
        <translation>les périodes réservées ne laissent pas d'historique pour apprendre</translation>
    </message>
    <message>
        <source>Rolling evaluation: %1 held-out period(s) of %2 day(s) from %3, cells of %4 m (%5 in the study area), trained on the previous %6 days</source>
        <translation>Évaluation glissante : %1 période(s) réservée(s) de %2 jour(s) à partir du %3, mailles de %4 m (%5 dans la zone d'étude), apprentissage sur les %6 jours précédents</translation>
    </message>
    <message>
        <source>Incidents in the held-out periods: %1</source>
        <translation>Incidents dans les périodes réservées : %1</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Hit rate</source>
        <translation>Taux de capture</translation>
    </message>
    <message numerus="yes">
        <source>%n period(s)</source>
        <translation>
            <numerusform>%n période</numerusform>
            <numerusform>%n périodes</numerusform>
        </translation>
    </message>
    <message>
        <source>the next shift (8 h)</source>
        <translation>la prochaine vacation (8 h)</translation>
    </message>
    <message>
        <source>the next day</source>
        <translation>le prochain jour</translation>
    </message>
    <message>
        <source>the next week</source>
        <translation>la prochaine semaine</translation>
    </message>
    <message>
        <source>Adds, moves or removes cameras, or suggests the best new sites, and compares the share of the incident risk the cameras see before and after.</source>
        <translation>Ajoute, déplace ou retire des caméras, ou propose les meilleurs nouveaux emplacements, et compare la part du risque d'incidents vue par les caméras avant et après.</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Modifications</translation>
    </message>
    <message>
        <source>Suggested cameras</source>
        <translation>Caméras proposées</translation>
    </message>
    <message>
        <source>Range of suggested cameras</source>
        <translation>Portée des caméras proposées</translation>
    </message>
    <message>
        <source>Field of view of suggested cameras</source>
        <translation>Angle de vision des caméras proposées</translation>
    </message>
    <message>
        <source>Bandwidth</source>
        <translation>Largeur de bande</translation>
    </message>
    <message>
        <source>Hot-spot quantile</source>
        <translation>Quantile des points chauds</translation>
    </message>
    <message>
        <source>Type of event</source>
        <translation>Type d'événement</translation>
    </message>
    <message>
        <source>every type</source>
        <translation>tous les types</translation>
    </message>
    <message>
        <source>football</source>
        <translation>football</translation>
    </message>
    <message>
        <source>concert</source>
        <translation>concert</translation>
    </message>
    <message>
        <source>market</source>
        <translation>marché</translation>
    </message>
    <message>
        <source>demonstration</source>
        <translation>manifestation</translation>
    </message>
    <message>
        <source>festival</source>
        <translation>festival</translation>
    </message>
    <message>
        <source>other sport</source>
        <translation>autre sport</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Affluence</translation>
    </message>
    <message>
        <source>Radius</source>
        <translation>Rayon</translation>
    </message>
    <message>
        <source>Risk map radius</source>
        <translation>Rayon de la carte de risque</translation>
    </message>
    <message>
        <source>Bandwidth of the risk map (quartic KDE) in metres.</source>
        <translation>Largeur de bande de la carte de risque (KDE quartique) en mètres.</translation>
    </message>
    <message>
        <source>Estimates the extra incidents hour by hour around a planned event from the past events at the venue, compared with ordinary days; maps the extra risk, the cameras' view of the site and the reinforcement by sector.</source>
        <translation>Estime heure par heure les incidents supplémentaires autour d'un événement prévu à partir des événements passés sur le site, comparés aux jours ordinaires ; cartographie le surcroît de risque, la vue des caméras sur le site et le renfort par secteur.</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>Site</translation>
    </message>
    <message>
        <source>X (Lambert-93)</source>
        <translation>X (Lambert-93)</translation>
    </message>
    <message>
        <source>Position of the venue when it has no past events: x and y in Lambert-93 metres.</source>
        <translation>Position du site quand il n'a pas d'événements passés : x et y en mètres Lambert-93.</translation>
    </message>
    <message>
        <source>Y (Lambert-93)</source>
        <translation>Y (Lambert-93)</translation>
    </message>
    <message>
        <source>Position of the venue: y in Lambert-93 metres.</source>
        <translation>Position du site : y en mètres Lambert-93.</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Démarrer</translation>
    </message>
    <message>
        <source>Hours before</source>
        <translation>Heures avant</translation>
    </message>
    <message>
        <source>Hours after</source>
        <translation>Heures après</translation>
    </message>
    <message>
        <source>Units per incident</source>
        <translation>Unités par incident</translation>
    </message>
    <message>
        <source>Replicates</source>
        <translation>Répétitions</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Confiance</translation>
    </message>
    <message>
        <source>Maps the expected incidents per cell for the next shift, day or week, learnt from the history (self-exciting process, prospective KDE or the last period), with the priority cells of the riskiest 1 to 5 % of the area.</source>
        <translation>Cartographie les incidents attendus par maille pour la prochaine vacation, le prochain jour ou la prochaine semaine, appris de l'historique (processus auto-excitant, KDE prospective ou période précédente), avec les mailles prioritaires des 1 à 5 % les plus à risque de la zone.</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>Forecast evaluation</source>
        <translation>Évaluation des prévisions</translation>
    </message>
    <message>
        <source>Scores the forecast models on held-out periods of the incidents (each forecast learnt only from what came before): hit rate, PAI and PEI at 1, 2 and 5 % of the area. Writes nothing to the workspace.</source>
        <translation>Note les modèles de prévision sur des périodes d'incidents mises de côté (chaque prévision n'apprend que de ce qui précède) : taux de succès, PAI et PEI à 1, 2 et 5 % de la zone. N'écrit rien dans l'espace de travail.</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modèles</translation>
    </message>
    <message>
        <source>Models compared, comma-separated: sepp, prospective-kde, last-period (empty: all three).</source>
        <translation>Modèles comparés, séparés par des virgules : sepp, prospective-kde, last-period (vide : les trois).</translation>
    </message>
    <message>
        <source>Held-out periods</source>
        <translation>Périodes mises de côté</translation>
    </message>
    <message>
        <source>Number of held-out periods, the last ending at the end.</source>
        <translation>Nombre de périodes mises de côté, la dernière s'achevant à la fin.</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>End of the last held-out period (ISO date); empty: the day after the last incident.</source>
        <translation>Fin de la dernière période mise de côté (date ISO) ; vide : le lendemain du dernier incident.</translation>
    </message>
    <message>
        <source>Measures the effect of an action started on a date in an area: incidents before and after against control cells (difference in differences), and whether they moved to the surroundings (weighted displacement quotient).</source>
        <translation>Mesure l'effet d'une action commencée à une date dans une zone : incidents avant et après comparés à des mailles témoins (différence de différences), et leur éventuel déplacement vers les abords (quotient de déplacement pondéré).</translation>
    </message>
    <message>
        <source>Action date</source>
        <translation>Date de l'action</translation>
    </message>
    <message>
        <source>Action areas</source>
        <translation>Zones de l'action</translation>
    </message>
    <message>
        <source>Areas layer</source>
        <translation>Couche des zones</translation>
    </message>
    <message>
        <source>Kind of action</source>
        <translation>Nature de l'action</translation>
    </message>
    <message>
        <source>cameras</source>
        <translation>caméras</translation>
    </message>
    <message>
        <source>patrols</source>
        <translation>patrouilles</translation>
    </message>
    <message>
        <source>other</source>
        <translation>autre</translation>
    </message>
    <message>
        <source>Days before</source>
        <translation>Jours avant</translation>
    </message>
    <message>
        <source>Days after</source>
        <translation>Jours après</translation>
    </message>
    <message>
        <source>Period length</source>
        <translation>Durée des périodes</translation>
    </message>
    <message>
        <source>matched cells</source>
        <translation>mailles appariées</translation>
    </message>
    <message>
        <source>every other cell</source>
        <translation>toutes les autres mailles</translation>
    </message>
    <message>
        <source>Matched controls</source>
        <translation>Témoins appariés</translation>
    </message>
    <message>
        <source>Places N units for a shift by two strategies and compares them on the same simulated incidents: share of the forecast risk covered and response times, on the road network where the workspace has one.</source>
        <translation>Place N unités pour une vacation selon deux stratégies et les compare sur les mêmes incidents simulés : part du risque prévu couverte et délais d'intervention, sur le réseau routier quand l'espace de travail en a un.</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Unités</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Jour</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>Vacation</translation>
    </message>
    <message>
        <source>morning (6–14 h)</source>
        <translation>matin (6 h–14 h)</translation>
    </message>
    <message>
        <source>afternoon (14–22 h)</source>
        <translation>après-midi (14 h–22 h)</translation>
    </message>
    <message>
        <source>night (22–6 h)</source>
        <translation>nuit (22 h–6 h)</translation>
    </message>
    <message>
        <source>Allocation A</source>
        <translation>Affectation A</translation>
    </message>
    <message>
        <source>Allocation B</source>
        <translation>Affectation B</translation>
    </message>
    <message>
        <source>Positions A</source>
        <translation>Positions A</translation>
    </message>
    <message>
        <source>Positions B</source>
        <translation>Positions B</translation>
    </message>
    <message>
        <source>Coverage radius</source>
        <translation>Rayon de couverture</translation>
    </message>
    <message>
        <source>Road network</source>
        <translation>Réseau routier</translation>
    </message>
    <message>
        <source>Simulated incidents</source>
        <translation>Incidents simulés</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Vitesse</translation>
    </message>
    <message>
        <source>Dispatch delay</source>
        <translation>Délai de départ</translation>
    </message>
    <message>
        <source>Target time</source>
        <translation>Délai visé</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>Half-life</source>
        <translation>Demi-vie</translation>
    </message>
    <message>
        <source>Trigger distance</source>
        <translation>Distance de déclenchement</translation>
    </message>
    <message>
        <source>Trigger delay</source>
        <translation>Délai de déclenchement</translation>
    </message>
    <message>
        <source>Cell size</source>
        <translation>Taille des cellules</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Graine</translation>
    </message>
    <message>
        <source>Effect (difference in differences): %1 (%2 % interval %3 to %4), %5</source>
        <translation>Effet (différence de différences) : %1 (intervalle à %2 % : %3 à %4), %5</translation>
    </message>
    <message>
        <source>Pre-trends: parallel (%1), the comparison is credible.</source>
        <translation>Tendances avant l'action : parallèles (%1), la comparaison est crédible.</translation>
    </message>
    <message>
        <source>Warning: the trends before the action differ (%1): read the effect with caution.</source>
        <translation>Attention : les tendances avant l'action diffèrent (%1) : interprétez l'effet avec prudence.</translation>
    </message>
    <message>
        <source>Period forecast: the next shift (8 hours), day, week or calendar month.</source>
        <translation>Période prévue : la prochaine vacation (8 heures), le prochain jour, la prochaine semaine ou le prochain mois civil.</translation>
    </message>
    <message>
        <source>Start of the period (ISO date-time, local time); empty: midnight after the last incident (a month: the 1st after it).</source>
        <translation>Début de la période (date et heure ISO, heure locale) ; vide : minuit après le dernier fait (un mois : le 1er qui suit).</translation>
    </message>
    <message>
        <source>Length of each held-out period: a shift (8 hours), a day, a week or a calendar month.</source>
        <translation>Durée de chaque période mise de côté : une vacation (8 heures), un jour, une semaine ou un mois civil.</translation>
    </message>
    <message>
        <source>the next calendar month</source>
        <translation>le prochain mois civil</translation>
    </message>
</context>
<context>
    <name>vigie::core::Store</name>
    <message>
        <source>GDAL has no MEM or GTiff driver.</source>
        <translation>GDAL n’a pas de pilote MEM ou GTiff.</translation>
    </message>
    <message>
        <source>Cannot make a raster tile.</source>
        <translation>Impossible de fabriquer une tuile raster.</translation>
    </message>
</context>
<context>
    <name>vigie::core::Task</name>
    <message>
        <source>%1: unexpected error</source>
        <translation>%1 : erreur inattendue</translation>
    </message>
</context>
<context>
    <name>vigie::core::processing::AlgorithmContext</name>
    <message>
        <source>Analyses</source>
        <translation>Analyses</translation>
    </message>
    <message>
        <source>Scenarios</source>
        <translation>Scénarios</translation>
    </message>
    <message>
        <source>Forecasts</source>
        <translation>Prévisions</translation>
    </message>
</context>
<context>
    <name>vigie::core::processing::ParameterDefinition</name>
    <message>
        <source>Unknown parameter "%1"; the parameters are: %2.</source>
        <translation>Paramètre inconnu « %1 » ; les paramètres sont : %2.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>number</source>
        <translation>nombre</translation>
    </message>
    <message>
        <source>integer</source>
        <translation>entier</translation>
    </message>
    <message>
        <source>yes or no</source>
        <translation>oui ou non</translation>
    </message>
    <message>
        <source>choice</source>
        <translation>choix</translation>
    </message>
    <message>
        <source>date</source>
        <translation>date</translation>
    </message>
    <message>
        <source>date and time</source>
        <translation>date et heure</translation>
    </message>
    <message>
        <source>period</source>
        <translation>période</translation>
    </message>
    <message>
        <source>layer</source>
        <translation>couche</translation>
    </message>
    <message>
        <source>field</source>
        <translation>champ</translation>
    </message>
    <message>
        <source>areas</source>
        <translation>zones</translation>
    </message>
    <message>
        <source>point</source>
        <translation>point</translation>
    </message>
    <message>
        <source>camera edits</source>
        <translation>modifications de caméras</translation>
    </message>
    <message>
        <source>text</source>
        <translation>texte</translation>
    </message>
    <message>
        <source>file</source>
        <translation>fichier</translation>
    </message>
    <message>
        <source>From %1 to %2%3.</source>
        <translation>De %1 à %2%3.</translation>
    </message>
    <message>
        <source>In %1.</source>
        <translation>En %1.</translation>
    </message>
    <message>
        <source>empty (%1)</source>
        <translation>vide (%1)</translation>
    </message>
    <message>
        <source>One of: %1.</source>
        <translation>Parmi : %1.</translation>
    </message>
    <message>
        <source>Default: %1.</source>
        <translation>Par défaut : %1.</translation>
    </message>
    <message>
        <source>Optional.</source>
        <translation>Facultatif.</translation>
    </message>
    <message>
        <source>Invalid parameter "%1" (%2): %3</source>
        <translation>Paramètre « %1 » (%2) invalide : %3</translation>
    </message>
    <message>
        <source>a value is required</source>
        <translation>une valeur est requise</translation>
    </message>
    <message>
        <source>"%1" is not a number</source>
        <translation>« %1 » n'est pas un nombre</translation>
    </message>
    <message>
        <source>%1 is not a whole number</source>
        <translation>%1 n'est pas un nombre entier</translation>
    </message>
    <message>
        <source>%1 is outside %2 to %3%4</source>
        <translation>%1 est hors de l'intervalle %2 à %3%4</translation>
    </message>
    <message>
        <source>"%1" is not yes or no</source>
        <translation>« %1 » n'est ni oui ni non</translation>
    </message>
    <message>
        <source>"%1" is not one of %2</source>
        <translation>« %1 » n'est pas l'une des valeurs %2</translation>
    </message>
    <message>
        <source>"%1" is not a date (YYYY-MM-DD)</source>
        <translation>« %1 » n'est pas une date (AAAA-MM-JJ)</translation>
    </message>
    <message>
        <source>"%1" is not a date and time (YYYY-MM-DDTHH:MM, Paris time)</source>
        <translation>« %1 » n'est pas une date et une heure (AAAA-MM-JJTHH:MM, heure de Paris)</translation>
    </message>
    <message>
        <source>"%1" is not a period (FROM/TO)</source>
        <translation>« %1 » n'est pas une période (DÉBUT/FIN)</translation>
    </message>
    <message>
        <source>"%1" is not a period (FROM/TO, ISO dates)</source>
        <translation>« %1 » n'est pas une période (DÉBUT/FIN, dates ISO)</translation>
    </message>
    <message>
        <source>the period ends before it starts</source>
        <translation>la période finit avant de commencer</translation>
    </message>
    <message>
        <source>the workspace has no layer "%1"</source>
        <translation>l'espace de travail n'a pas de couche « %1 »</translation>
    </message>
    <message>
        <source>the layer "%1" holds %2, not %3</source>
        <translation>la couche « %1 » contient des %2, pas des %3</translation>
    </message>
    <message>
        <source>the layer "%1" has no field "%2"</source>
        <translation>la couche « %1 » n'a pas de champ « %2 »</translation>
    </message>
    <message>
        <source>the field "%1" is not numeric</source>
        <translation>le champ « %1 » n'est pas numérique</translation>
    </message>
    <message>
        <source>"%1" is not a point x,y in Lambert-93 metres</source>
        <translation>« %1 » n'est pas un point x,y en mètres Lambert-93</translation>
    </message>
    <message>
        <source>"%1" is not a list of add:x,y,dir,fov,range; move:ID:x,y,dir,fov,range; remove:ID</source>
        <translation>« %1 » n'est pas une liste add:x,y,dir,fov,range; move:ID:x,y,dir,fov,range; remove:ID</translation>
    </message>
    <message>
        <source>unknown type</source>
        <translation>type inconnu</translation>
    </message>
    <message>
        <source>yes|no</source>
        <translation>oui|non</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>d</source>
        <comment>unit: days</comment>
        <translation>j</translation>
    </message>
</context>
<context>
    <name>vigie::core::processing::ProcessingRunner</name>
    <message>
        <source>%1 makes no raster: there is nothing to write as a GeoTIFF.</source>
        <translation>%1 ne produit pas de raster : il n'y a rien à écrire en GeoTIFF.</translation>
    </message>
    <message>
        <source>Selecting the features</source>
        <translation>Sélection des entités</translation>
    </message>
    <message>
        <source>The analysis was saved in the workspace, but its GeoTIFF was not: %1</source>
        <translation>L'analyse a été enregistrée dans l'espace de travail, mais pas son GeoTIFF : %1</translation>
    </message>
    <message>
        <source>GeoTIFF written: %1</source>
        <translation>GeoTIFF écrit : %1</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>Unknown algorithm "%1"; the algorithms are: %2.</source>
        <translation>Algorithme inconnu « %1 » ; les algorithmes sont : %2.</translation>
    </message>
    <message>
        <source>The analysis was canceled; the workspace is unchanged.</source>
        <translation>L'analyse a été annulée ; l'espace de travail est inchangé.</translation>
    </message>
    <message>
        <source>Invalid analysis parameters: %1</source>
        <translation>Paramètres d'analyse invalides : %1</translation>
    </message>
    <message>
        <source>Not enough memory for this analysis: try larger cells or a smaller area.</source>
        <translation>Mémoire insuffisante pour cette analyse : essayez des cellules plus grandes ou une zone plus petite.</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 a échoué : %2</translation>
    </message>
    <message numerus="yes">
        <source>%n feature(s) of the period outside the study area (layer "%1") left out.</source>
        <translation>
            <numerusform>%n entité de la période hors de la zone d’étude (couche « %1 ») laissée de côté.</numerusform>
            <numerusform>%n entités de la période hors de la zone d’étude (couche « %1 ») laissées de côté.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigie::core::sync</name>
    <message>
        <source>Cannot prepare the sync tables: %1</source>
        <translation>Impossible de préparer les tables de synchronisation : %1</translation>
    </message>
    <message>
        <source>field "%1": "%2" is not an integer</source>
        <translation>champ « %1 » : « %2 » n'est pas un entier</translation>
    </message>
    <message>
        <source>The workspace %1 is read-only.</source>
        <translation>L'espace de travail %1 est en lecture seule.</translation>
    </message>
    <message>
        <source>The page size must be between 1 and 10000 features.</source>
        <translation>La taille de page doit être comprise entre 1 et 10000 objets.</translation>
    </message>
    <message>
        <source>Sync of layer "%1" from %2 failed: %3</source>
        <translation>La synchronisation de la couche « %1 » depuis %2 a échoué : %3</translation>
    </message>
    <message>
        <source>Synchronised</source>
        <translation>Synchronisé</translation>
    </message>
    <message>
        <source>Synchronisation canceled.</source>
        <translation>Synchronisation annulée.</translation>
    </message>
</context>
<context>
    <name>vigie::core::sync::HubClient</name>
    <message>
        <source>The hub URL must not contain a user name or password; give the credentials separately.</source>
        <translation>L'URL du hub ne doit contenir ni nom d'utilisateur ni mot de passe ; indiquez les identifiants à part.</translation>
    </message>
    <message>
        <source>"%1" is not an http(s) URL of a hub.</source>
        <translation>« %1 » n'est pas une URL http(s) de hub.</translation>
    </message>
    <message>
        <source>Synchronisation canceled.</source>
        <translation>Synchronisation annulée.</translation>
    </message>
    <message>
        <source>The hub stopped answering: nothing received for %1 s from %2.</source>
        <translation>Le hub ne répond plus : rien reçu depuis %1 s de %2.</translation>
    </message>
    <message>
        <source>The hub refused access (HTTP %1) to %2: check the credentials.</source>
        <translation>Le hub a refusé l'accès (HTTP %1) à %2 : vérifiez les identifiants.</translation>
    </message>
    <message>
        <source>The hub answered HTTP %1 %2 for %3%4</source>
        <translation>Le hub a répondu HTTP %1 %2 pour %3%4</translation>
    </message>
    <message>
        <source>Cannot read %1 from the hub: %2</source>
        <translation>Impossible de lire %1 sur le hub : %2</translation>
    </message>
    <message>
        <source>The hub gave no HTTP answer for %1.</source>
        <translation>Le hub n'a donné aucune réponse HTTP pour %1.</translation>
    </message>
    <message>
        <source>The credentials would travel unencrypted to %1 (plain http): use the hub's https:// address. On a closed network, allow plain http explicitly (vigie-cli sync --allow-plain-http).</source>
        <translation>Les identifiants circuleraient en clair jusqu'à %1 (http non chiffré) : utilisez l'adresse https:// du hub. Sur un réseau fermé, autorisez explicitement le http (vigie-cli sync --allow-plain-http).</translation>
    </message>
    <message>
        <source>The hub took longer than %1 s to answer %2 (the limit of one request); it is overloaded or the connection is too slow.</source>
        <translation>Le hub a mis plus de %1 s à répondre à %2 (la limite d'une requête) ; il est surchargé ou la connexion est trop lente.</translation>
    </message>
    <message>
        <source>The hub's answer to %1 is larger than %2 MiB, the limit of one page: refused. Sync with a smaller page size.</source>
        <translation>La réponse du hub à %1 dépasse %2 Mio, la limite d'une page : refusée. Synchronisez avec des pages plus petites.</translation>
    </message>
    <message>
        <source>The hub answered HTTP %1 for %2 without a valid address to go to.</source>
        <translation>Le hub a répondu HTTP %1 pour %2 sans adresse de redirection valide.</translation>
    </message>
    <message>
        <source>The hub %1 redirected %2 to another server (%3): refused. Vigie talks only to the configured hub and sends it alone the credentials; if the hub has moved, sync with its new address.</source>
        <translation>Le hub %1 a redirigé %2 vers un autre serveur (%3) : refusé. Vigie ne dialogue qu'avec le hub configuré et n'envoie les identifiants qu'à lui ; si le hub a déménagé, synchronisez avec sa nouvelle adresse.</translation>
    </message>
    <message>
        <source>The hub redirected %1 more than %2 times.</source>
        <translation>Le hub a redirigé %1 plus de %2 fois.</translation>
    </message>
</context>
<context>
    <name>vigie::core::sync::LayerSync</name>
    <message>
        <source>Unknown layer "%1": it is neither in the workspace nor a known layer type.</source>
        <translation>Couche inconnue « %1 » : elle n'est ni dans l'espace de travail ni un type de couche connu.</translation>
    </message>
    <message>
        <source>The hub %1 has no collection "%2" (layer "%3").</source>
        <translation>Le hub %1 n'a pas de collection « %2 » (couche « %3 »).</translation>
    </message>
    <message>
        <source>The hub sent invalid JSON for collection "%1" (%2): %3</source>
        <translation>Le hub a envoyé un JSON invalide pour la collection « %1 » (%2) : %3</translation>
    </message>
    <message>
        <source>The hub sent feature "%1" of collection "%2" twice in one pull (pages %3 and %4): its paging is inconsistent. Nothing of page %4 was applied.</source>
        <translation>Le hub a envoyé deux fois l'objet « %1 » de la collection « %2 » dans une même synchronisation (pages %3 et %4) : sa pagination est incohérente. Rien de la page %4 n'a été appliqué.</translation>
    </message>
    <message>
        <source>Layer "%1", feature "%2": %3</source>
        <translation>Couche « %1 », objet « %2 » : %3</translation>
    </message>
    <message>
        <source>%1 (hub id "%2")</source>
        <translation>%1 (identifiant hub « %2 »)</translation>
    </message>
    <message>
        <source>Layer "%1" was first pulled from this hub with another area or time window; sync again with the reset option to change them.</source>
        <translation>La couche « %1 » a d'abord été récupérée de ce hub avec une autre zone ou une autre période ; synchronisez avec l'option de réinitialisation pour les changer.</translation>
    </message>
    <message>
        <source>The hub refused to page past feature %1 of "%2": its feature count is out of date (QGIS Server keeps it until it is reloaded after new data is published). Reload the hub, then sync again: the pull resumes here. (%3)</source>
        <translation>Le hub refuse de paginer au-delà de l'objet %1 de « %2 » : son nombre d'objets n'est pas à jour (QGIS Server le garde jusqu'à son rechargement après publication de nouvelles données). Rechargez le hub puis synchronisez à nouveau : la récupération reprendra ici. (%3)</translation>
    </message>
    <message>
        <source>%1: %2 features</source>
        <translation>%1 : %2 objets</translation>
    </message>
    <message>
        <source>The hub did not sort collection "%1" by updated_at or ignored the datetime filter (feature "%2"); nothing of this page was applied.</source>
        <translation>Le hub n'a pas trié la collection « %1 » par updated_at ou a ignoré le filtre datetime (objet « %2 ») ; rien de cette page n'a été appliqué.</translation>
    </message>
    <message>
        <source>%1: %2 changes</source>
        <translation>%1 : %2 modifications</translation>
    </message>
    <message>
        <source>Synchronisation canceled.</source>
        <translation>Synchronisation annulée.</translation>
    </message>
    <message>
        <source>More than %1 features of collection "%2" share the updated_at %3: sync again with a larger page size.</source>
        <translation>Plus de %1 entités de la collection "%2" partagent la date de mise à jour %3 : relancez la synchronisation avec des pages plus grandes.</translation>
    </message>
    <message>
        <source>Layer "%1" names the hub collection "%2", which is not a collection name: nothing was asked of the hub.</source>
        <translation>La couche « %1 » désigne la collection du hub « %2 », qui n'est pas un nom de collection : rien n'a été demandé au hub.</translation>
    </message>
    <message>
        <source>After the sync, layer "%1" holds %2 features and %3 deletions read from the hub, but collection "%4" has %5: the layer does not equal the hub's collection. Sync again with the reset option (a hub that has just published new data must first reload its server).</source>
        <translation>Après la synchronisation, la couche « %1 » compte %2 entités et %3 suppressions lues sur le hub, mais la collection « %4 » en compte %5 : la couche n'est pas égale à la collection du hub. Synchronisez de nouveau avec l'option de réinitialisation (un hub qui vient de publier de nouvelles données doit d'abord recharger son serveur).</translation>
    </message>
    <message>
        <source>The hub sent an empty first page of collection "%1" though it counts %2 features: nothing was pulled. Try again later or ask the hub's administrators.</source>
        <translation>Le hub a envoyé une première page vide de la collection « %1 » alors qu'il compte %2 entités : rien n'a été importé. Réessayez plus tard ou contactez les administrateurs du hub.</translation>
    </message>
    <message>
        <source>The hub sent an empty first page of collection "%1" without saying the collection is empty (numberMatched): nothing was pulled.</source>
        <translation>Le hub a envoyé une première page vide de la collection « %1 » sans indiquer que la collection est vide (numberMatched) : rien n'a été importé.</translation>
    </message>
    <message>
        <source>The hub counts %1 features in collection "%2" but sent %3: the pull is incomplete, and its end was not applied. If the hub has just published new data it must reload its server; then sync again, the pull resumes here.</source>
        <translation>Le hub compte %1 entités dans la collection « %2 » mais en a envoyé %3 : l'import est incomplet et sa fin n'a pas été appliquée. Si le hub vient de publier de nouvelles données, il doit recharger son serveur ; synchronisez ensuite de nouveau, l'import reprendra ici.</translation>
    </message>
</context>
<context>
    <name>vigie::core::sync::PageParser</name>
    <message>
        <source>The hub answered in CRS %1 instead of EPSG:2154 for collection "%2"; nothing of this page was applied.</source>
        <translation>Le hub a répondu dans le SCR %1 au lieu d'EPSG:2154 pour la collection « %2 » ; rien de cette page n'a été appliqué.</translation>
    </message>
    <message>
        <source>malformed or truncated GeoJSON (%1 at byte %2 of %3)</source>
        <translation>GeoJSON mal formé ou tronqué (%1 à l'octet %2 sur %3)</translation>
    </message>
    <message>
        <source>not a GeoJSON FeatureCollection</source>
        <translation>pas une FeatureCollection GeoJSON</translation>
    </message>
    <message>
        <source>The hub sent an invalid page for collection "%1" (%2): %3</source>
        <translation>Le hub a envoyé une page invalide pour la collection « %1 » (%2) : %3</translation>
    </message>
    <message>
        <source>a feature has no "id" property</source>
        <translation>un objet n'a pas de propriété « id »</translation>
    </message>
    <message>
        <source>Schema change on the hub: collection "%1" no longer has the field "%2" required by the hub contract.</source>
        <translation>Changement de schéma sur le hub : la collection « %1 » n'a plus le champ « %2 » exigé par le contrat du hub.</translation>
    </message>
    <message>
        <source>Schema change on the hub: collection "%1" no longer has the field "%2" of layer "%3" (schema version %4). Update the layer manifest before syncing again.</source>
        <translation>Changement de schéma sur le hub : la collection « %1 » n'a plus le champ « %2 » de la couche « %3 » (version de schéma %4). Mettez à jour le manifeste de la couche avant de synchroniser à nouveau.</translation>
    </message>
    <message>
        <source>Schema change on the hub: collection "%1" has a new field "%2" that layer "%3" (schema version %4) does not declare. Update the layer manifest before syncing again.</source>
        <translation>Changement de schéma sur le hub : la collection « %1 » a un nouveau champ « %2 » que la couche « %3 » (version de schéma %4) ne déclare pas. Mettez à jour le manifeste de la couche avant de synchroniser à nouveau.</translation>
    </message>
    <message>
        <source>feature "%1": updated_at %2 is not an ISO 8601 date and time</source>
        <translation>entité « %1 » : updated_at %2 n'est pas une date et heure ISO 8601</translation>
    </message>
    <message>
        <source>feature "%1" is stamped %2, in the future (this computer's clock says %3): the hub's clock or data is wrong. Nothing of this page was applied.</source>
        <translation>l'entité « %1 » est datée du %2, dans le futur (l'horloge de cet ordinateur indique %3) : l'horloge ou les données du hub sont fausses. Rien de cette page n'a été appliqué.</translation>
    </message>
    <message>
        <source>feature "%1": deleted_at %2 is neither null nor an ISO 8601 date and time</source>
        <translation>entité « %1 » : deleted_at %2 n'est ni nul ni une date et heure ISO 8601</translation>
    </message>
    <message>
        <source>feature "%1": "%2" is not a date and time</source>
        <translation>objet « %1 » : « %2 » n'est pas une date et heure</translation>
    </message>
    <message>
        <source>feature "%1" has no geometry</source>
        <translation>l'objet « %1 » n'a pas de géométrie</translation>
    </message>
    <message>
        <source>feature "%1": %2</source>
        <translation>objet « %1 » : %2</translation>
    </message>
    <message>
        <source>Feature "%1" of collection "%2" has coordinates (%3, %4) outside Lambert-93 (EPSG:2154): the hub answered in another CRS. Nothing of this page was applied.</source>
        <translation>L'objet « %1 » de la collection « %2 » a des coordonnées (%3, %4) hors du Lambert-93 (EPSG:2154) : le hub a répondu dans un autre SCR. Rien de cette page n'a été appliqué.</translation>
    </message>
    <message>
        <source>feature "%1" is not a point</source>
        <translation>l'objet « %1 » n'est pas un point</translation>
    </message>
</context>
<context>
    <name>vigie::gui::AnalysisDialog</name>
    <message>
        <source>Run an analysis</source>
        <translation>Lancer une analyse</translation>
    </message>
    <message>
        <source>Analysis:</source>
        <translation>Analyse :</translation>
    </message>
    <message>
        <source>Incidents analysed</source>
        <translation>Incidents analysés</translation>
    </message>
    <message>
        <source>Layer:</source>
        <translation>Couche :</translation>
    </message>
    <message>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Période :</translation>
    </message>
    <message>
        <source>Categories analysed (all ticked: every category).</source>
        <translation>Catégories analysées (toutes cochées : toutes les catégories).</translation>
    </message>
    <message>
        <source>Categories:</source>
        <translation>Catégories :</translation>
    </message>
    <message>
        <source>Whole city</source>
        <translation>Toute la ville</translation>
    </message>
    <message>
        <source>names or codes, comma-separated (e.g. Belsunce, Noailles)</source>
        <translation>noms ou codes, séparés par des virgules (par ex. Belsunce, Noailles)</translation>
    </message>
    <message>
        <source>Area:</source>
        <translation>Zone :</translation>
    </message>
    <message>
        <source>Weight:</source>
        <translation>Pondération :</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>optional: also write the raster as a GeoTIFF</source>
        <translation>facultatif : écrire aussi le raster en GeoTIFF</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>GeoTIFF file</source>
        <translation>Fichier GeoTIFF</translation>
    </message>
    <message>
        <source>GeoTIFF (*.tif *.tiff)</source>
        <translation>GeoTIFF (*.tif *.tiff)</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lancer</translation>
    </message>
    <message>
        <source>none (each incident counts 1)</source>
        <translation>aucune (chaque incident compte 1)</translation>
    </message>
    <message>
        <source>No parameter: the study area is the selected area or the whole city.</source>
        <translation>Aucun paramètre : la zone d'étude est la zone choisie ou toute la ville.</translation>
    </message>
</context>
<context>
    <name>vigie::gui::AreaListEditor</name>
    <message>
        <source>Search a name…</source>
        <translation>Chercher un nom…</translation>
    </message>
</context>
<context>
    <name>vigie::gui::AttributeTable</name>
    <message>
        <source>Only what the map shows</source>
        <translation>Seulement ce que montre la carte</translation>
    </message>
    <message>
        <source>Only the features of the period and categories shown on the map</source>
        <translation>Seulement les entités de la période et des catégories affichées sur la carte</translation>
    </message>
    <message>
        <source>Zoom to selection</source>
        <translation>Zoomer sur la sélection</translation>
    </message>
    <message>
        <source>Clear selection</source>
        <translation>Effacer la sélection</translation>
    </message>
    <message>
        <source>No layer</source>
        <translation>Aucune couche</translation>
    </message>
    <message numerus="yes">
        <source>%n feature(s)</source>
        <translation>
            <numerusform>%n entité</numerusform>
            <numerusform>%n entités</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n selected</source>
        <translation>
            <numerusform>%n sélectionnée</numerusform>
            <numerusform>%n sélectionnées</numerusform>
        </translation>
    </message>
    <message>
        <source>sorting…</source>
        <translation>tri en cours…</translation>
    </message>
</context>
<context>
    <name>vigie::gui::AttributeTableModel</name>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
</context>
<context>
    <name>vigie::gui::BaseMapLayer</name>
    <message>
        <source>Base map not shown: %1</source>
        <translation>Fond de plan non affiché : %1</translation>
    </message>
    <message>
        <source>Base map offline: the tiles already seen are shown (%1).</source>
        <translation>Fond de plan hors ligne : les tuiles déjà vues sont affichées (%1).</translation>
    </message>
</context>
<context>
    <name>vigie::gui::BaseMapMenu</name>
    <message>
        <source>&amp;Base map</source>
        <translation>&amp;Fond de plan</translation>
    </message>
    <message>
        <source>None (plain background)</source>
        <translation>Aucun (fond uni)</translation>
    </message>
    <message>
        <source>Add a tile server (XYZ, WMTS)…</source>
        <translation>Ajouter un serveur de tuiles (XYZ, WMTS)…</translation>
    </message>
    <message>
        <source>Open a tiles file (MBTiles, GeoPackage)…</source>
        <translation>Ouvrir un fichier de tuiles (MBTiles, GeoPackage)…</translation>
    </message>
    <message>
        <source>Base map</source>
        <translation>Fond de plan</translation>
    </message>
    <message>
        <source>Open a tiles file</source>
        <translation>Ouvrir un fichier de tuiles</translation>
    </message>
    <message>
        <source>Tiles files (*.mbtiles *.gpkg);;All files (*)</source>
        <translation>Fichiers de tuiles (*.mbtiles *.gpkg);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Add a tile server</source>
        <translation>Ajouter un serveur de tuiles</translation>
    </message>
    <message>
        <source>e.g. © OpenStreetMap contributors</source>
        <translation>p. ex. © les contributeurs d'OpenStreetMap</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Attribution</source>
        <translation>Attribution</translation>
    </message>
    <message>
        <source>An XYZ address holds {z}, {x} and {y}. For a WMTS server, give its GetTile address in the "PM" (Web Mercator) tile matrix set with TILEMATRIX={z}, TILEROW={y} and TILECOL={x}.</source>
        <translation>Une adresse XYZ contient {z}, {x} et {y}. Pour un serveur WMTS, donnez son adresse GetTile dans la grille « PM » (Web Mercator) avec TILEMATRIX={z}, TILEROW={y} et TILECOL={x}.</translation>
    </message>
</context>
<context>
    <name>vigie::gui::CameraEditsEditor</name>
    <message>
        <source>add</source>
        <translation>ajout</translation>
    </message>
    <message>
        <source>move</source>
        <translation>déplacement</translation>
    </message>
    <message>
        <source>remove</source>
        <translation>retrait</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Modification</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Caméra</translation>
    </message>
    <message>
        <source>X</source>
        <translation>X</translation>
    </message>
    <message>
        <source>Y</source>
        <translation>Y</translation>
    </message>
    <message>
        <source>Dir. (°)</source>
        <translation>Orient. (°)</translation>
    </message>
    <message>
        <source>FOV (°)</source>
        <translation>Angle (°)</translation>
    </message>
    <message>
        <source>Range (m)</source>
        <translation>Portée (m)</translation>
    </message>
    <message>
        <source>Direction: bearing clockwise from north (90 = east). Double-click a value to change it.</source>
        <translation>Orientation : azimut dans le sens horaire depuis le nord (90 = est). Double-cliquez sur une valeur pour la modifier.</translation>
    </message>
    <message>
        <source>Add a camera at a map click</source>
        <translation>Ajouter une caméra (clic sur la carte)</translation>
    </message>
    <message>
        <source>Move a camera (click it)</source>
        <translation>Déplacer une caméra (cliquez-la)</translation>
    </message>
    <message>
        <source>Remove a camera (click it)</source>
        <translation>Retirer une caméra (cliquez-la)</translation>
    </message>
    <message>
        <source>Delete the row</source>
        <translation>Supprimer la ligne</translation>
    </message>
</context>
<context>
    <name>vigie::gui::DateField</name>
    <message>
        <source>Type a date as dd/mm/yyyy or yyyy-mm-dd, or pick it in the calendar.</source>
        <translation>Saisissez une date jj/mm/aaaa ou aaaa-mm-jj, ou choisissez-la dans le calendrier.</translation>
    </message>
    <message>
        <source>Type a date as dd/mm/yyyy or yyyy-mm-dd, then a time as hh:mm, or pick the day in the calendar.</source>
        <translation>Saisissez une date jj/mm/aaaa ou aaaa-mm-jj, puis une heure hh:mm, ou choisissez le jour dans le calendrier.</translation>
    </message>
    <message>
        <source>“%1” is not a date. %2</source>
        <translation>« %1 » n'est pas une date. %2</translation>
    </message>
</context>
<context>
    <name>vigie::gui::ExportDialog</name>
    <message>
        <source>GeoPackage</source>
        <translation>GeoPackage</translation>
    </message>
    <message>
        <source>GeoJSON (longitude, latitude)</source>
        <translation>GeoJSON (longitude, latitude)</translation>
    </message>
    <message>
        <source>FlatGeobuf</source>
        <translation>FlatGeobuf</translation>
    </message>
    <message>
        <source>CSV table (longitude, latitude)</source>
        <translation>Tableau CSV (longitude, latitude)</translation>
    </message>
    <message>
        <source>ESRI Shapefile</source>
        <translation>Shapefile ESRI</translation>
    </message>
    <message>
        <source>Excel workbook</source>
        <translation>Classeur Excel</translation>
    </message>
    <message>
        <source>OpenDocument spreadsheet</source>
        <translation>Classeur OpenDocument</translation>
    </message>
    <message>
        <source>Cloud-optimised GeoTIFF</source>
        <translation>GeoTIFF optimisé pour le cloud (COG)</translation>
    </message>
    <message>
        <source>Export “%1”</source>
        <translation>Exporter « %1 »</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format :</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Fichier :</translation>
    </message>
    <message>
        <source>All the features of the layer</source>
        <translation>Toutes les entités de la couche</translation>
    </message>
    <message>
        <source>Those the map shows</source>
        <translation>Celles que montre la carte</translation>
    </message>
    <message>
        <source>Those the map shows (%1)</source>
        <translation>Celles que montre la carte (%1)</translation>
    </message>
    <message numerus="yes">
        <source>The %n selected in the attribute table</source>
        <translation>
            <numerusform>L’entité sélectionnée dans la table attributaire</numerusform>
            <numerusform>Les %n entités sélectionnées dans la table attributaire</numerusform>
        </translation>
    </message>
    <message>
        <source>Replace the file if it exists</source>
        <translation>Remplacer le fichier s’il existe</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Export en cours…</translation>
    </message>
    <message>
        <source>The export failed, no file was written: %1</source>
        <translation>L’export a échoué, aucun fichier n’a été écrit : %1</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Exporter vers</translation>
    </message>
    <message>
        <source>Features to write</source>
        <translation>Entités à écrire</translation>
    </message>
</context>
<context>
    <name>vigie::gui::HelpDialog</name>
    <message>
        <source>Vigie user guide</source>
        <translation>Guide de l’utilisateur de Vigie</translation>
    </message>
    <message>
        <source>The user guide is missing from this installation.</source>
        <translation>Le guide de l’utilisateur manque dans cette installation.</translation>
    </message>
</context>
<context>
    <name>vigie::gui::IdentifyPanel</name>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Click on the map with the Identify tool.</source>
        <translation>Cliquez sur la carte avec l’outil Identifier.</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Feature number</source>
        <translation>Numéro d’entité</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Id on the hub</source>
        <translation>Identifiant sur le hub</translation>
    </message>
    <message>
        <source>Updated on the hub</source>
        <translation>Mis à jour sur le hub</translation>
    </message>
    <message>
        <source>Stored on</source>
        <translation>Enregistré le</translation>
    </message>
    <message numerus="yes">
        <source>%n feature(s) under the cursor:</source>
        <translation>
            <numerusform>%n objet sous le curseur :</numerusform>
            <numerusform>%n objets sous le curseur :</numerusform>
        </translation>
    </message>
    <message>
        <source>No feature here.</source>
        <translation>Aucun objet à cet endroit.</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <source>Clear the result and its mark on the map</source>
        <translation>Effacer le résultat et sa marque sur la carte</translation>
    </message>
    <message>
        <source>Value of the cell</source>
        <translation>Valeur de la cellule</translation>
    </message>
</context>
<context>
    <name>vigie::gui::ImportDialog</name>
    <message>
        <source>Import a file</source>
        <translation>Importer un fichier</translation>
    </message>
    <message>
        <source>GeoPackage, GeoJSON, CSV, Shapefile…</source>
        <translation>GeoPackage, GeoJSON, CSV, Shapefile…</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Fichier :</translation>
    </message>
    <message>
        <source>New layer</source>
        <translation>Nouvelle couche</translation>
    </message>
    <message>
        <source>Target layer:</source>
        <translation>Couche de destination :</translation>
    </message>
    <message>
        <source>from the file name</source>
        <translation>d’après le nom du fichier</translation>
    </message>
    <message>
        <source>from the file</source>
        <translation>celui du fichier</translation>
    </message>
    <message>
        <source>Coordinate reference system of the file, e.g. EPSG:4326 or EPSG:2154. Leave empty to use the one declared by the file.</source>
        <translation>Système de coordonnées du fichier, par ex. EPSG:4326 ou EPSG:2154. Laissez vide pour utiliser celui déclaré par le fichier.</translation>
    </message>
    <message>
        <source>Coordinate system:</source>
        <translation>Système de coordonnées :</translation>
    </message>
    <message>
        <source>Ignore fields unknown to the target layer</source>
        <translation>Ignorer les champs inconnus de la couche de destination</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <source>Vector files (*.gpkg *.geojson *.json *.csv *.shp *.fgb *.kml *.gml *.sqlite)</source>
        <translation>Fichiers vectoriels (*.gpkg *.geojson *.json *.csv *.shp *.fgb *.kml *.gml *.sqlite)</translation>
    </message>
    <message>
        <source>GeoPackage (*.gpkg)</source>
        <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <source>GeoJSON (*.geojson *.json)</source>
        <translation>GeoJSON (*.geojson *.json)</translation>
    </message>
    <message>
        <source>CSV with coordinates (*.csv)</source>
        <translation>CSV avec coordonnées (*.csv)</translation>
    </message>
    <message>
        <source>Shapefile (*.shp)</source>
        <translation>Shapefile (*.shp)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Choose a file to import</source>
        <translation>Choisir un fichier à importer</translation>
    </message>
    <message>
        <source>EPSG:4326 (longitude/latitude) if not stated</source>
        <translation>EPSG:4326 (longitude/latitude) si non précisé</translation>
    </message>
    <message>
        <source>Id:</source>
        <translation>Identifiant :</translation>
    </message>
    <message>
        <source>Skip unusable rows (and list them)</source>
        <translation>Ignorer les lignes inutilisables (et les lister)</translation>
    </message>
    <message>
        <source>Rows without a valid geometry or a readable date. Otherwise the first one stops the import and nothing is written.</source>
        <translation>Lignes sans géométrie valide ou sans date lisible. Sinon, la première arrête l’import et rien n’est écrit.</translation>
    </message>
    <message>
        <source>Field mapping</source>
        <translation>Correspondance des champs</translation>
    </message>
    <message>
        <source>Date (or date and time):</source>
        <translation>Date (ou date et heure) :</translation>
    </message>
    <message>
        <source>Time:</source>
        <translation>Heure :</translation>
    </message>
    <message>
        <source>End date:</source>
        <translation>Date de fin :</translation>
    </message>
    <message>
        <source>End time:</source>
        <translation>Heure de fin :</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>Catégorie :</translation>
    </message>
    <message>
        <source>Record key:</source>
        <translation>Clé de l’enregistrement :</translation>
    </message>
    <message>
        <source>X or longitude:</source>
        <translation>X ou longitude :</translation>
    </message>
    <message>
        <source>Y or latitude:</source>
        <translation>Y ou latitude :</translation>
    </message>
    <message>
        <source>When the record happened: a date (03/12/2026, 2026-12-03, a month such as 2018-05) or a date and time.</source>
        <translation>Quand le fait a eu lieu : une date (03/12/2026, 2026-12-03, un mois comme 2018-05) ou une date et une heure.</translation>
    </message>
    <message>
        <source>A separate time-of-day column (14:05, 14h05), when the date column has none.</source>
        <translation>Une colonne d’heure séparée (14:05, 14h05), quand la colonne de date n’en a pas.</translation>
    </message>
    <message>
        <source>For records known only between two times (a burglary found on Monday morning): the end. An end date alone includes its whole day.</source>
        <translation>Pour les faits connus seulement entre deux instants (un cambriolage découvert le lundi matin) : la fin. Une date de fin seule inclut toute sa journée.</translation>
    </message>
    <message>
        <source>A separate time column for the end.</source>
        <translation>Une colonne d’heure séparée pour la fin.</translation>
    </message>
    <message>
        <source>The nature of the record; the values found become the categories of a new layer.</source>
        <translation>La nature du fait ; les valeurs trouvées deviennent les catégories d’une nouvelle couche.</translation>
    </message>
    <message>
        <source>A column naming each record (a case number): importing the file again updates records instead of adding them twice.</source>
        <translation>Une colonne qui nomme chaque enregistrement (un numéro de dossier) : réimporter le fichier met à jour les enregistrements au lieu de les ajouter deux fois.</translation>
    </message>
    <message>
        <source>Coordinate columns; automatic: x, lon, longitude…</source>
        <translation>Colonnes de coordonnées ; automatique : x, lon, longitude…</translation>
    </message>
    <message>
        <source>Coordinate columns; automatic: y, lat, latitude…</source>
        <translation>Colonnes de coordonnées ; automatique : y, lat, latitude…</translation>
    </message>
    <message>
        <source>detected from the values</source>
        <translation>détecté d’après les valeurs</translation>
    </message>
    <message>
        <source>day first (03/12/2026 = 3 December)</source>
        <translation>jour d’abord (03/12/2026 = 3 décembre)</translation>
    </message>
    <message>
        <source>month first (12/03/2026 = 3 December)</source>
        <translation>mois d’abord (12/03/2026 = 3 décembre)</translation>
    </message>
    <message>
        <source>Time zone of the file's local dates and times, e.g. Europe/Paris, Europe/London, UTC.</source>
        <translation>Fuseau horaire des dates et heures locales du fichier, par exemple Europe/Paris, Europe/London, UTC.</translation>
    </message>
    <message>
        <source>Dates written:</source>
        <translation>Dates écrites :</translation>
    </message>
    <message>
        <source>Time zone:</source>
        <translation>Fuseau horaire :</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <source>(automatic)</source>
        <translation>(automatique)</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n ligne</numerusform>
            <numerusform>%n lignes</numerusform>
        </translation>
    </message>
    <message>
        <source>rows: unknown until read</source>
        <translation>lignes : nombre inconnu avant lecture</translation>
    </message>
    <message>
        <source>%1, %2 column(s); the first rows:</source>
        <translation>%1, %2 colonne(s) ; les premières lignes :</translation>
    </message>
    <message>
        <source>%1, %2 column(s), geometry from %3; the first rows:</source>
        <translation>%1, %2 colonne(s), géométrie lue dans %3 ; les premières lignes :</translation>
    </message>
    <message>
        <source>The mapping of the last import into this layer is proposed.</source>
        <translation>La correspondance du dernier import dans cette couche est proposée.</translation>
    </message>
    <message>
        <source>A time or an end needs the date column.</source>
        <translation>Une heure ou une fin demande la colonne de date.</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Import en cours…</translation>
    </message>
    <message>
        <source>The import failed, nothing was written: %1</source>
        <translation>L’import a échoué, rien n’a été écrit : %1</translation>
    </message>
</context>
<context>
    <name>vigie::gui::LayerPanel</name>
    <message>
        <source>Move the layer up</source>
        <translation>Monter la couche</translation>
    </message>
    <message>
        <source>Move the layer down</source>
        <translation>Descendre la couche</translation>
    </message>
    <message>
        <source>Zoom to layer</source>
        <translation>Zoom sur la couche</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>Opacité</translation>
    </message>
    <message>
        <source>Opacity of the selected layer</source>
        <translation>Opacité de la couche sélectionnée</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message numerus="yes">
        <source>%n feature(s)</source>
        <translation>
            <numerusform>%n entité</numerusform>
            <numerusform>%n entités</numerusform>
        </translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Monter</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Descendre</translation>
    </message>
    <message>
        <source>Open attribute table</source>
        <translation>Ouvrir la table attributaire</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 [%2]</source>
        <translation>%1 [%2]</translation>
    </message>
    <message>
        <source>Analysis results (%1)</source>
        <translation>Résultats d’analyse (%1)</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Renommer…</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
</context>
<context>
    <name>vigie::gui::MainWindow</name>
    <message>
        <source>Select a layer in the layer panel first.</source>
        <translation>Sélectionnez d’abord une couche dans le panneau des couches.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Recent workspaces</source>
        <translation>Espaces de travail &amp;récents</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Paramètres</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <source>&amp;New workspace…</source>
        <translation>&amp;Nouvel espace de travail…</translation>
    </message>
    <message>
        <source>New &amp;demo workspace…</source>
        <translation>Nouvel espace de &amp;démonstration…</translation>
    </message>
    <message>
        <source>Create a workspace filled with synthetic Marseille data</source>
        <translation>Créer un espace de travail rempli de données fictives de Marseille</translation>
    </message>
    <message>
        <source>&amp;Open workspace…</source>
        <translation>&amp;Ouvrir un espace de travail…</translation>
    </message>
    <message>
        <source>Open a workspace (.sqlite)</source>
        <translation>Ouvrir un espace de travail (.sqlite)</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importer…</translation>
    </message>
    <message>
        <source>Import a GeoPackage, GeoJSON, CSV or Shapefile into a layer</source>
        <translation>Importer un GeoPackage, un GeoJSON, un CSV ou un Shapefile dans une couche</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Full extent</source>
        <translation>&amp;Étendue complète</translation>
    </message>
    <message>
        <source>Zoom to &amp;layer</source>
        <translation>Zoom sur la &amp;couche</translation>
    </message>
    <message>
        <source>Zoom to the layer selected in the layer panel</source>
        <translation>Zoomer sur la couche sélectionnée dans le panneau des couches</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>Zoom a&amp;vant</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>Zoom a&amp;rrière</translation>
    </message>
    <message>
        <source>&amp;Pan</source>
        <translation>&amp;Déplacer</translation>
    </message>
    <message>
        <source>Pan the map (drag), zoom with the wheel</source>
        <translation>Déplacer la carte (glisser), zoomer avec la molette</translation>
    </message>
    <message>
        <source>Zoom to &amp;box</source>
        <translation>Zoom sur &amp;rectangle</translation>
    </message>
    <message>
        <source>Draw a rectangle to zoom in</source>
        <translation>Tracez un rectangle pour zoomer</translation>
    </message>
    <message>
        <source>I&amp;dentify</source>
        <translation>I&amp;dentifier</translation>
    </message>
    <message>
        <source>Click a feature to see its attributes</source>
        <translation>Cliquez sur un objet pour voir ses attributs</translation>
    </message>
    <message>
        <source>Automatic (system language)</source>
        <translation>Automatique (langue du système)</translation>
    </message>
    <message>
        <source>&amp;About Vigie</source>
        <translation>À &amp;propos de Vigie</translation>
    </message>
    <message>
        <source>Map tools</source>
        <translation>Outils cartographiques</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Couches</translation>
    </message>
    <message>
        <source>Identify</source>
        <translation>Identifier</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <source>No workspace open.
Use File &gt; Open workspace… or File &gt; New demo workspace…</source>
        <translation>Aucun espace de travail ouvert.
Utilisez Fichier &gt; Ouvrir un espace de travail… ou Fichier &gt; Nouvel espace de démonstration…</translation>
    </message>
    <message>
        <source>Vigie — %1</source>
        <translation>Vigie — %1</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Cannot open the workspace</source>
        <translation>Impossible d’ouvrir l’espace de travail</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>%1: unexpected error</source>
        <translation>%1 : erreur inattendue</translation>
    </message>
    <message>
        <source>Loading layers…</source>
        <translation>Chargement des couches…</translation>
    </message>
    <message numerus="yes">
        <source>%n layer(s) loaded from %1</source>
        <translation>
            <numerusform>%n couche chargée depuis %1</numerusform>
            <numerusform>%n couches chargées depuis %1</numerusform>
        </translation>
    </message>
    <message>
        <source>The layer %1 has no features yet.</source>
        <translation>La couche %1 ne contient encore aucune entité.</translation>
    </message>
    <message>
        <source>The workspace is busy; try again in a moment.</source>
        <translation>L’espace de travail est occupé ; réessayez dans un instant.</translation>
    </message>
    <message>
        <source>No feature here.</source>
        <translation>Aucun objet à cet endroit.</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>New workspace</source>
        <translation>Nouvel espace de travail</translation>
    </message>
    <message>
        <source>Vigie workspaces (*.sqlite)</source>
        <translation>Espaces de travail Vigie (*.sqlite)</translation>
    </message>
    <message>
        <source>Cannot replace %1.</source>
        <translation>Impossible de remplacer %1.</translation>
    </message>
    <message>
        <source>New demo workspace</source>
        <translation>Nouvel espace de démonstration</translation>
    </message>
    <message>
        <source>Creating the demo workspace…</source>
        <translation>Création de l’espace de démonstration…</translation>
    </message>
    <message>
        <source>Demo workspace creation canceled.</source>
        <translation>Création de l’espace de démonstration annulée.</translation>
    </message>
    <message>
        <source>Open a workspace</source>
        <translation>Ouvrir un espace de travail</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <source>Open or create a workspace first.</source>
        <translation>Ouvrez ou créez d’abord un espace de travail.</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>Import de %1…</translation>
    </message>
    <message>
        <source>Import canceled: the workspace is unchanged.</source>
        <translation>Import annulé : l’espace de travail est inchangé.</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>Échec de l’import</translation>
    </message>
    <message numerus="yes">
        <source>%n feature(s) imported from %1</source>
        <translation>
            <numerusform>%n entité importée depuis %1</numerusform>
            <numerusform>%n entités importées depuis %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n invalid feature(s) skipped.</source>
        <translation>
            <numerusform>%n entité invalide ignorée.</numerusform>
            <numerusform>%n entités invalides ignorées.</numerusform>
        </translation>
    </message>
    <message>
        <source>About Vigie</source>
        <translation>À propos de Vigie</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Vigie %1&lt;/h3&gt;&lt;p&gt;Map analysis workstation for public safety, City of Marseille.&lt;/p&gt;&lt;p&gt;Workspace: %2&lt;/p&gt;&lt;p&gt;Licence: GPL 3.0 or later.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Vigie %1&lt;/h3&gt;&lt;p&gt;Poste d’analyse cartographique pour la sécurité publique, Ville de Marseille.&lt;/p&gt;&lt;p&gt;Espace de travail : %2&lt;/p&gt;&lt;p&gt;Licence : GPL 3.0 ou ultérieure.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>Lambert-93: %1, %2</source>
        <translation>Lambert-93 : %1, %2</translation>
    </message>
    <message>
        <source>WGS 84: %1° N, %2° E</source>
        <translation>WGS 84 : %1° N, %2° E</translation>
    </message>
    <message>
        <source>Scale 1:%1</source>
        <translation>Échelle 1:%1</translation>
    </message>
    <message>
        <source>%1 features drawn, %2 points as density</source>
        <translation>%1 entités dessinées, %2 points en densité</translation>
    </message>
    <message>
        <source>%1 features drawn</source>
        <translation>%1 entités dessinées</translation>
    </message>
    <message>
        <source>Rendered in %1 ms</source>
        <translation>Rendu en %1 ms</translation>
    </message>
    <message>
        <source>&amp;Analysis</source>
        <translation>A&amp;nalyse</translation>
    </message>
    <message>
        <source>Analysis results</source>
        <translation>Résultats d'analyse</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>Analyse</translation>
    </message>
    <message>
        <source>Open a workspace first.</source>
        <translation>Ouvrez d'abord un espace de travail.</translation>
    </message>
    <message>
        <source>Analysis: %1…</source>
        <translation>Analyse : %1…</translation>
    </message>
    <message>
        <source>Analysis canceled: the workspace is unchanged.</source>
        <translation>Analyse annulée : l'espace de travail est inchangé.</translation>
    </message>
    <message>
        <source>Analysis failed</source>
        <translation>Échec de l'analyse</translation>
    </message>
    <message numerus="yes">
        <source>%n feature(s) analysed</source>
        <translation>
            <numerusform>%n entité analysée</numerusform>
            <numerusform>%n entités analysées</numerusform>
        </translation>
    </message>
    <message>
        <source>Analysis done: %1</source>
        <translation>Analyse terminée : %1</translation>
    </message>
    <message>
        <source>Sync with the hub</source>
        <translation>Synchronisation avec le hub</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>Exporter un rapport</translation>
    </message>
    <message>
        <source>Export &amp;report…</source>
        <translation>Exporter un &amp;rapport…</translation>
    </message>
    <message>
        <source>&amp;Scenarios</source>
        <translation>&amp;Scénarios</translation>
    </message>
    <message>
        <source>Scenarios</source>
        <translation>Scénarios</translation>
    </message>
    <message>
        <source>%1: running…</source>
        <translation>%1 : en cours…</translation>
    </message>
    <message>
        <source>Scenario: %1…</source>
        <translation>Scénario : %1…</translation>
    </message>
    <message>
        <source>%1: canceled; the workspace is unchanged.</source>
        <translation>%1 : annulé ; l'espace de travail est inchangé.</translation>
    </message>
    <message>
        <source>Scenario canceled: the workspace is unchanged.</source>
        <translation>Scénario annulé : l'espace de travail est inchangé.</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 a échoué : %2</translation>
    </message>
    <message>
        <source>Scenario failed</source>
        <translation>Échec du scénario</translation>
    </message>
    <message numerus="yes">
        <source>Scenario done: %1 (%n layer(s) added)</source>
        <translation>
            <numerusform>Scénario terminé : %1 (%n couche ajoutée)</numerusform>
            <numerusform>Scénario terminé : %1 (%n couches ajoutées)</numerusform>
        </translation>
    </message>
    <message>
        <source>Unknown analysis: %1</source>
        <translation>Analyse inconnue : %1</translation>
    </message>
    <message>
        <source>No place named “%1” in this workspace.</source>
        <translation>Aucun lieu nommé « %1 » dans cet espace de travail.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>This layer has no attribute table.</source>
        <translation>Cette couche n'a pas de table attributaire.</translation>
    </message>
    <message>
        <source>Attribute table — %1</source>
        <translation>Table attributaire — %1</translation>
    </message>
    <message>
        <source>Select rows in the table first.</source>
        <translation>Sélectionnez d'abord des lignes dans la table.</translation>
    </message>
    <message>
        <source>Show the study area (the city's arrondissements and quartiers)</source>
        <translation>Afficher la zone d’étude (les arrondissements et quartiers de la ville)</translation>
    </message>
    <message>
        <source>Extent of &amp;all layers</source>
        <translation>Étendue de &amp;toutes les couches</translation>
    </message>
    <message>
        <source>Show every layer, imported data far away included</source>
        <translation>Afficher toutes les couches, y compris les données importées lointaines</translation>
    </message>
    <message>
        <source>&amp;Saved views</source>
        <translation>&amp;Vues enregistrées</translation>
    </message>
    <message>
        <source>The map state could not be saved in the workspace: %1</source>
        <translation>L’état de la carte n’a pas pu être enregistré dans l’espace de travail : %1</translation>
    </message>
    <message>
        <source>View "%1" saved.</source>
        <translation>Vue « %1 » enregistrée.</translation>
    </message>
    <message>
        <source>View "%1"</source>
        <translation>Vue « %1 »</translation>
    </message>
    <message>
        <source>Save the current view…</source>
        <translation>Enregistrer la vue actuelle…</translation>
    </message>
    <message>
        <source>Delete a view</source>
        <translation>Supprimer une vue</translation>
    </message>
    <message>
        <source>Save the current view</source>
        <translation>Enregistrer la vue actuelle</translation>
    </message>
    <message>
        <source>Name of the view:</source>
        <translation>Nom de la vue :</translation>
    </message>
    <message>
        <source>A view named "%1" exists. Replace it?</source>
        <translation>Une vue nommée « %1 » existe déjà. La remplacer ?</translation>
    </message>
    <message>
        <source>Rename the layer</source>
        <translation>Renommer la couche</translation>
    </message>
    <message>
        <source>Name shown for the layer:</source>
        <translation>Nom affiché pour la couche :</translation>
    </message>
    <message>
        <source>Remove the layer</source>
        <translation>Supprimer la couche</translation>
    </message>
    <message>
        <source>The workspace is read-only (%1).</source>
        <translation>L’espace de travail est en lecture seule (%1).</translation>
    </message>
    <message>
        <source>Remove these layers from the workspace? They are the results of one run, removed together with its record.

%1</source>
        <translation>Supprimer ces couches de l’espace de travail ? Ce sont les résultats d’une même exécution, supprimés avec son enregistrement.

%1</translation>
    </message>
    <message>
        <source>Remove the layer "%1" from the workspace? Its features are deleted from the file.</source>
        <translation>Supprimer la couche « %1 » de l’espace de travail ? Ses objets sont effacés du fichier.</translation>
    </message>
    <message numerus="yes">
        <source>%n layer(s) removed.</source>
        <translation>
            <numerusform>%n couche supprimée.</numerusform>
            <numerusform>%n couches supprimées.</numerusform>
        </translation>
    </message>
    <message>
        <source>The saved map state could not be read (%1); the default map is shown.</source>
        <translation>L’état enregistré de la carte n’a pas pu être lu (%1) ; la carte par défaut est affichée.</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Guide de l’utilisateur</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>Create a workspace, empty or for the area of your boundary files</source>
        <translation>Créer un espace de travail, vide ou pour le territoire de vos fichiers de limites</translation>
    </message>
    <message>
        <source>Creating the workspace…</source>
        <translation>Création de l’espace de travail…</translation>
    </message>
    <message>
        <source>%1 new, %2 updated, %3 unchanged (by record key).</source>
        <translation>%1 nouvelles, %2 mises à jour, %3 inchangées (par clé d’enregistrement).</translation>
    </message>
    <message>
        <source>&amp;Export layer…</source>
        <translation>E&amp;xporter la couche…</translation>
    </message>
    <message>
        <source>Write the current layer to GeoPackage, GeoJSON, CSV, Shapefile, a spreadsheet or GeoTIFF</source>
        <translation>Écrire la couche courante en GeoPackage, GeoJSON, CSV, Shapefile, dans un classeur ou en GeoTIFF</translation>
    </message>
    <message>
        <source>Export layer</source>
        <translation>Exporter la couche</translation>
    </message>
    <message>
        <source>Open a workspace and choose a layer first.</source>
        <translation>Ouvrez d’abord un espace de travail et choisissez une couche.</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>Export vers %1…</translation>
    </message>
    <message>
        <source>Export canceled: no file was written.</source>
        <translation>Export annulé : aucun fichier n’a été écrit.</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Échec de l’export</translation>
    </message>
    <message>
        <source>Raster written to %1.</source>
        <translation>Grille écrite dans %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n feature(s) written to %1.</source>
        <translation>
            <numerusform>%n entité écrite dans %1.</numerusform>
            <numerusform>%n entités écrites dans %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of %1 categories</source>
        <translation>
            <numerusform>%n catégorie sur %1</numerusform>
            <numerusform>%n catégories sur %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Export as a &amp;QGIS project…</source>
        <translation>Exporter en projet &amp;QGIS…</translation>
    </message>
    <message>
        <source>Write a QGIS project that opens this workspace as the map shows it: layers, order, styles, results</source>
        <translation>Écrire un projet QGIS qui ouvre cet espace de travail tel que la carte le montre : couches, ordre, styles, résultats</translation>
    </message>
    <message>
        <source>Export as a QGIS project</source>
        <translation>Exporter en projet QGIS</translation>
    </message>
    <message>
        <source>QGIS projects (*.qgz *.qgs)</source>
        <translation>Projets QGIS (*.qgz *.qgs)</translation>
    </message>
    <message numerus="yes">
        <source>QGIS project with %n layer(s) written to %1.</source>
        <translation>
            <numerusform>Projet QGIS de %n couche écrit dans %1.</numerusform>
            <numerusform>Projet QGIS de %n couches écrit dans %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigie::gui::NewWorkspaceDialog</name>
    <message>
        <source>New workspace</source>
        <translation>Nouvel espace de travail</translation>
    </message>
    <message>
        <source>Workspace file:</source>
        <translation>Fichier de l’espace de travail :</translation>
    </message>
    <message>
        <source>Study area:</source>
        <translation>Zone d’étude :</translation>
    </message>
    <message>
        <source>polygons of the area (optional)</source>
        <translation>polygones du territoire (facultatif)</translation>
    </message>
    <message>
        <source>Reporting units:</source>
        <translation>Unités de restitution :</translation>
    </message>
    <message>
        <source>districts, beats… (optional)</source>
        <translation>secteurs, quartiers… (facultatif)</translation>
    </message>
    <message>
        <source>from the files</source>
        <translation>d’après les fichiers</translation>
    </message>
    <message>
        <source>Coordinate system:</source>
        <translation>Système de coordonnées :</translation>
    </message>
    <message>
        <source>With a study area, analyses of this workspace use it (and count the records outside it); without one, the workspace starts empty.</source>
        <translation>Avec une zone d’étude, les analyses de cet espace de travail l’utilisent (et comptent les faits hors de la zone) ; sans zone, l’espace de travail démarre vide.</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Créer</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Vigie workspaces (*.sqlite *.vigie)</source>
        <translation>Espaces de travail Vigie (*.sqlite *.vigie)</translation>
    </message>
</context>
<context>
    <name>vigie::gui::ParameterForm</name>
    <message>
        <source>Advanced parameters</source>
        <translation>Paramètres avancés</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>automatique</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>facultatif</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1 :</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>non défini</translation>
    </message>
</context>
<context>
    <name>vigie::gui::PlaceSearchBox</name>
    <message>
        <source>Search a place, a street, an address…</source>
        <translation>Chercher un lieu, une rue, une adresse…</translation>
    </message>
    <message>
        <source>Quartiers, arrondissements, venues, cameras by id, streets and addresses of the workspace</source>
        <translation>Quartiers, arrondissements, lieux, caméras par identifiant, rues et adresses de l'espace de travail</translation>
    </message>
</context>
<context>
    <name>vigie::gui::ReportDialog</name>
    <message>
        <source>Export report</source>
        <translation>Exporter un rapport</translation>
    </message>
    <message>
        <source>Other template (JSON file)…</source>
        <translation>Autre modèle (fichier JSON)…</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <source>Period (months)</source>
        <translation>Période (mois)</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Toutes</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucune</translation>
    </message>
    <message>
        <source>Areas</source>
        <translation>Zones</translation>
    </message>
    <message>
        <source>Language of the report</source>
        <translation>Langue du rapport</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Papier</translation>
    </message>
    <message>
        <source>Portrait</source>
        <translation>Portrait</translation>
    </message>
    <message>
        <source>Landscape</source>
        <translation>Paysage</translation>
    </message>
    <message>
        <source>Orientation</source>
        <translation>Orientation</translation>
    </message>
    <message>
        <source>Counts from 1 to this value minus one are printed "&lt; N" in every table and chart (statistical confidentiality).</source>
        <translation>Les effectifs de 1 à cette valeur moins un sont imprimés « &lt; N » dans chaque tableau et graphique (secret statistique).</translation>
    </message>
    <message>
        <source>Small counts hidden below</source>
        <translation>Petits effectifs masqués sous</translation>
    </message>
    <message>
        <source>e.g. CLSPD secretariat</source>
        <translation>p. ex. secrétariat du CLSPD</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <source>Preview unavailable: this build has no Qt PDF module.</source>
        <translation>Aperçu indisponible : cette version est construite sans le module Qt PDF.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>Exporter en PDF…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Report template</source>
        <translation>Modèle de rapport</translation>
    </message>
    <message>
        <source>Report templates (*.json)</source>
        <translation>Modèles de rapport (*.json)</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Choose at least one area.</source>
        <translation>Choisissez au moins une zone.</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>La période finit avant de commencer.</translation>
    </message>
    <message>
        <source>Building the preview…</source>
        <translation>Construction de l'aperçu…</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>Écriture de %1…</translation>
    </message>
    <message>
        <source>Canceled.</source>
        <translation>Annulé.</translation>
    </message>
    <message numerus="yes">
        <source>Preview: %n page(s).</source>
        <translation>
            <numerusform>Aperçu : %n page.</numerusform>
            <numerusform>Aperçu : %n pages.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Report written (%n page(s)).</source>
        <translation>
            <numerusform>Rapport écrit (%n page).</numerusform>
            <numerusform>Rapport écrit (%n pages).</numerusform>
        </translation>
    </message>
    <message>
        <source>Report preview</source>
        <translation>Aperçu du rapport</translation>
    </message>
    <message>
        <source>Report: %1</source>
        <translation>Rapport : %1</translation>
    </message>
    <message>
        <source>Base map</source>
        <translation>Fond de plan</translation>
    </message>
    <message>
        <source>%1 under the maps</source>
        <translation>%1 sous les cartes</translation>
    </message>
    <message>
        <source>None (choose one in View &gt; Base map)</source>
        <translation>Aucun (à choisir dans Affichage &gt; Fond de plan)</translation>
    </message>
</context>
<context>
    <name>vigie::gui::ScenarioPanel</name>
    <message>
        <source>Evaluate the models</source>
        <translation>Évaluer les modèles</translation>
    </message>
    <message>
        <source>Compares the three models on past periods (hit rate, PAI and PEI at 1, 2 and 5 % of the area); writes nothing to the workspace.</source>
        <translation>Compare les trois modèles sur des périodes passées (taux de réussite, PAI et PEI à 1, 2 et 5 % de la surface) ; n'écrit rien dans l'espace de travail.</translation>
    </message>
    <message>
        <source> periods</source>
        <translation> périodes</translation>
    </message>
    <message>
        <source>Number of past periods the models are evaluated on.</source>
        <translation>Nombre de périodes passées sur lesquelles les modèles sont évalués.</translation>
    </message>
    <message>
        <source>Pick the place on the map</source>
        <translation>Choisir le lieu sur la carte</translation>
    </message>
    <message>
        <source>Click the map where the event takes place (instead of a venue).</source>
        <translation>Cliquez sur la carte à l'endroit de l'événement (au lieu d'un site).</translation>
    </message>
    <message>
        <source>(a point on the map)</source>
        <translation>(un point sur la carte)</translation>
    </message>
    <message>
        <source>all the data (%1 – %2)</source>
        <translation>toutes les données (%1 – %2)</translation>
    </message>
    <message>
        <source>all the data</source>
        <translation>toutes les données</translation>
    </message>
    <message>
        <source>%1 – %2 (the Period filter)</source>
        <translation>%1 – %2 (le filtre Période)</translation>
    </message>
    <message>
        <source>Click the map where the new camera goes.</source>
        <translation>Cliquez sur la carte à l'endroit de la nouvelle caméra.</translation>
    </message>
    <message>
        <source>Click the camera to move.</source>
        <translation>Cliquez sur la caméra à déplacer.</translation>
    </message>
    <message>
        <source>Click the camera to remove.</source>
        <translation>Cliquez sur la caméra à retirer.</translation>
    </message>
    <message>
        <source>Click the map where the event takes place.</source>
        <translation>Cliquez sur la carte à l'endroit de l'événement.</translation>
    </message>
    <message>
        <source>Camera added at %1, %2; set its direction in the table.</source>
        <translation>Caméra ajoutée en %1, %2 ; réglez son orientation dans le tableau.</translation>
    </message>
    <message>
        <source>No camera here: click on a camera of the map.</source>
        <translation>Pas de caméra ici : cliquez sur une caméra de la carte.</translation>
    </message>
    <message>
        <source>Camera %1 picked: change its position or direction in the table.</source>
        <translation>Caméra %1 choisie : modifiez sa position ou son orientation dans le tableau.</translation>
    </message>
    <message>
        <source>Camera %1 will be removed.</source>
        <translation>La caméra %1 sera retirée.</translation>
    </message>
    <message>
        <source>Incidents used</source>
        <translation>Incidents utilisés</translation>
    </message>
    <message>
        <source>Categories:</source>
        <translation>Catégories :</translation>
    </message>
    <message>
        <source>Incident categories used (all ticked: every category).</source>
        <translation>Catégories d'incidents utilisées (toutes cochées : toutes les catégories).</translation>
    </message>
    <message>
        <source>History:</source>
        <translation>Historique :</translation>
    </message>
    <message>
        <source>The history the scenario learns from is the Period filter at the bottom of the window.</source>
        <translation>L'historique dont le scénario apprend est celui du filtre Période, en bas de la fenêtre.</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lancer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>The report of the scenario appears here.</source>
        <translation>Le rapport du scénario s'affiche ici.</translation>
    </message>
    <message>
        <source>Event place: %1, %2 (Lambert-93)</source>
        <translation>Lieu de l'événement : %1, %2 (Lambert-93)</translation>
    </message>
</context>
<context>
    <name>vigie::gui::ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Commande</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Raccourci</translation>
    </message>
    <message>
        <source>Map › Clear the identify result</source>
        <translation>Carte › Effacer le résultat de l’identification</translation>
    </message>
    <message>
        <source>Layers › Rename the selected layer</source>
        <translation>Couches › Renommer la couche sélectionnée</translation>
    </message>
    <message>
        <source>Layers › Remove the selected layer</source>
        <translation>Couches › Supprimer la couche sélectionnée</translation>
    </message>
</context>
<context>
    <name>vigie::gui::SyncPanel</name>
    <message>
        <source>Hub URL</source>
        <translation>URL du hub</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Couches</translation>
    </message>
    <message>
        <source>xmin,ymin,xmax,ymax (Lambert-93 metres)</source>
        <translation>xmin,ymin,xmax,ymax (mètres Lambert-93)</translation>
    </message>
    <message>
        <source>Area (first pull)</source>
        <translation>Zone (première récupération)</translation>
    </message>
    <message>
        <source>Since (first pull)</source>
        <translation>Depuis (première récupération)</translation>
    </message>
    <message>
        <source>No authentication</source>
        <translation>Sans authentification</translation>
    </message>
    <message>
        <source>User and password (HTTP basic)</source>
        <translation>Utilisateur et mot de passe (HTTP basic)</translation>
    </message>
    <message>
        <source>Bearer token</source>
        <translation>Jeton bearer</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>Authentification</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>Kept in memory for this session only; never saved.</source>
        <translation>Gardé en mémoire pour cette session seulement ; jamais enregistré.</translation>
    </message>
    <message>
        <source>Password or token</source>
        <translation>Mot de passe ou jeton</translation>
    </message>
    <message>
        <source>Pull everything again (forget the high-water marks)</source>
        <translation>Tout récupérer à nouveau (oublier les marques de dernière modification)</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Démarrer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Last sync per layer</source>
        <translation>Dernière synchronisation par couche</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Couche</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>Dernière synchronisation</translation>
    </message>
    <message>
        <source>Changes up to</source>
        <translation>Modifications jusqu'au</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>Objets</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>Ce qui a changé</translation>
    </message>
    <message>
        <source>Enter the URL of the hub, e.g. http://127.0.0.1:8090/wfs3.</source>
        <translation>Saisissez l'URL du hub, par ex. http://127.0.0.1:8090/wfs3.</translation>
    </message>
    <message>
        <source>The URL must not contain credentials; use the fields below.</source>
        <translation>L'URL ne doit pas contenir d'identifiants ; utilisez les champs ci-dessous.</translation>
    </message>
    <message>
        <source>Choose at least one layer.</source>
        <translation>Choisissez au moins une couche.</translation>
    </message>
    <message>
        <source>The area must be xmin,ymin,xmax,ymax in Lambert-93 metres.</source>
        <translation>La zone doit être xmin,ymin,xmax,ymax en mètres Lambert-93.</translation>
    </message>
    <message>
        <source>Synchronising with %1…</source>
        <translation>Synchronisation avec %1…</translation>
    </message>
    <message>
        <source>Canceling after the current page…</source>
        <translation>Annulation après la page en cours…</translation>
    </message>
    <message>
        <source>%1: %2 new, %3 changed, %4 deleted (%5 pull, %6 pages, %7 s)</source>
        <translation>%1 : %2 nouveaux, %3 modifiés, %4 supprimés (récupération %5, %6 pages, %7 s)</translation>
    </message>
    <message>
        <source>first</source>
        <translation>initiale</translation>
    </message>
    <message>
        <source>incremental</source>
        <translation>incrémentale</translation>
    </message>
    <message>
        <source>Synchronised with %1.</source>
        <translation>Synchronisé avec %1.</translation>
    </message>
    <message>
        <source>Canceled. The next sync resumes where this one stopped.</source>
        <translation>Annulé. La prochaine synchronisation reprendra là où celle-ci s'est arrêtée.</translation>
    </message>
    <message>
        <source>%1: %2 new, %3 changed, %4 deleted before it stopped</source>
        <translation>%1 : %2 nouveaux, %3 modifiés, %4 supprimés avant l'arrêt</translation>
    </message>
    <message>
        <source>Sync with %1</source>
        <translation>Synchronisation avec %1</translation>
    </message>
    <message>
        <source>done</source>
        <translation>terminée</translation>
    </message>
    <message>
        <source>canceled</source>
        <translation>annulée</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>échouée</translation>
    </message>
</context>
<context>
    <name>vigie::gui::TaskStatus</name>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Canceling: %1</source>
        <translation>Annulation : %1</translation>
    </message>
    <message numerus="yes">
        <source>%n task(s)</source>
        <translation>
            <numerusform>%n tâche</numerusform>
            <numerusform>%n tâches</numerusform>
        </translation>
    </message>
    <message>
        <source>Show the running tasks</source>
        <translation>Afficher les tâches en cours</translation>
    </message>
</context>
<context>
    <name>vigie::gui::TimeFilter</name>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Au</translation>
    </message>
    <message>
        <source>Presets</source>
        <translation>Raccourcis</translation>
    </message>
    <message>
        <source>Start of the period</source>
        <translation>Début de la période</translation>
    </message>
    <message>
        <source>End of the period</source>
        <translation>Fin de la période</translation>
    </message>
    <message>
        <source>Whole period</source>
        <translation>Toute la période</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>12 derniers mois</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Vitesse</translation>
    </message>
    <message>
        <source>Slow</source>
        <translation>Lente</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normale</translation>
    </message>
    <message>
        <source>Fast</source>
        <translation>Rapide</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Lecture</translation>
    </message>
    <message>
        <source>Animate a moving window over the period</source>
        <translation>Animer une fenêtre glissante sur la période</translation>
    </message>
    <message>
        <source>Day by day</source>
        <translation>Jour par jour</translation>
    </message>
    <message>
        <source>By week</source>
        <translation>Par semaine</translation>
    </message>
    <message>
        <source>By month</source>
        <translation>Par mois</translation>
    </message>
    <message>
        <source>Animation step: days, weeks from Monday, or months from the 1st</source>
        <translation>Pas de l'animation : jours, semaines du lundi au dimanche, ou mois à partir du 1er</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Ce mois-ci</translation>
    </message>
    <message>
        <source>Last calendar month</source>
        <translation>Mois dernier (calendaire)</translation>
    </message>
    <message>
        <source>Last quarter</source>
        <translation>Trimestre dernier</translation>
    </message>
    <message>
        <source>Same month last year</source>
        <translation>Même mois l'an dernier</translation>
    </message>
    <message>
        <source>Custom dates</source>
        <translation>Dates choisies</translation>
    </message>
    <message>
        <source>Calendar periods counted back from today, or from the last day of the data when it ends earlier</source>
        <translation>Périodes du calendrier comptées depuis aujourd'hui, ou depuis le dernier jour des données s'il est antérieur</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n day(s))</source>
        <translation>
            <numerusform>%1 (%n jour)</numerusform>
            <numerusform>%1 (%n jours)</numerusform>
        </translation>
    </message>
    <message>
        <source>From %1 to %2</source>
        <translation>Du %1 au %2</translation>
    </message>
</context>
<context>
    <name>vigie::gui::main</name>
    <message>
        <source>Vigie, public-safety map workstation</source>
        <translation>Vigie, poste cartographique de sécurité publique</translation>
    </message>
    <message>
        <source>Save a picture of the window once the map is drawn, then quit.</source>
        <translation>Enregistrer une image de la fenêtre une fois la carte dessinée, puis quitter.</translation>
    </message>
    <message>
        <source>Print the start-up time to the first complete map, then quit.</source>
        <translation>Afficher le temps de démarrage jusqu’à la première carte complète, puis quitter.</translation>
    </message>
    <message>
        <source>Workspace file (.sqlite) to open.</source>
        <translation>Fichier d’espace de travail (.sqlite) à ouvrir.</translation>
    </message>
</context>
<context>
    <name>vigie::render::Decorations</name>
    <message>
        <source>%1 km</source>
        <translation>%1 km</translation>
    </message>
    <message>
        <source>%1 m</source>
        <translation>%1 m</translation>
    </message>
</context>
</TS>
