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
    <name>vigie::Importer</name>
    <message>
        <source>The file %1 does not exist.</source>
        <translation>Le fichier %1 n’existe pas.</translation>
    </message>
    <message>
        <source>Cannot read %1: not a vector format GDAL knows, or a damaged file.</source>
        <translation>Impossible de lire %1 : format vectoriel inconnu de GDAL, ou fichier endommagé.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1 : %2</translation>
    </message>
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
        <source>%1 features without a usable geometry were skipped.</source>
        <translation>Entités sans géométrie utilisable ignorées : %1.</translation>
    </message>
    <message>
        <source>GDAL: %1</source>
        <translation>GDAL : %1</translation>
    </message>
    <message>
        <source>The import of %1 was canceled.</source>
        <translation>L’import de %1 a été annulé.</translation>
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
        <source>"%1" is not one of Point, Line, Polygon</source>
        <translation>"%1" n’est pas l’une des valeurs Point, Line, Polygon</translation>
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
        <source>must be an integer</source>
        <translation>doit être un entier</translation>
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
        <source>Database error: %1 (in %2)</source>
        <translation>Erreur de base de données : %1 (dans %2)</translation>
    </message>
    <message>
        <source>Database error: %1</source>
        <translation>Erreur de base de données : %1</translation>
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
        <source>The workspace %1 does not exist.</source>
        <translation>L’espace de travail %1 n’existe pas.</translation>
    </message>
    <message>
        <source>The workspace %1 uses an older format (schema %2) and must be upgraded: open it once in read-write mode.</source>
        <translation>L’espace de travail %1 utilise un format plus ancien (schéma %2) et doit être mis à niveau : ouvrez-le une fois en lecture-écriture.</translation>
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
        <source>The workspace %1 is read-only.</source>
        <translation>L’espace de travail %1 est en lecture seule.</translation>
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
        <source>Cannot prepare the insertion into layer "%1": %2</source>
        <translation>Impossible de préparer l’insertion dans la couche "%1" : %2</translation>
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
        <source>field "%1": "%2" is not an integer</source>
        <translation>champ "%1" : "%2" n’est pas un entier</translation>
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
        <source>Skip features without a valid geometry instead of stopping (they are counted as warnings).</source>
        <translation>Ignorer les entités sans géométrie valide au lieu de s’arrêter (elles sont comptées comme avertissements).</translation>
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
        <source>Checks the integrity of a workspace (read-only).</source>
        <translation>Vérifie l’intégrité d’un espace de travail (en lecture seule).</translation>
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
        <source>Draws a map of a workspace to a PNG image, headless.</source>
        <translation>Dessine une carte d’un espace de travail dans une image PNG, sans interface graphique.</translation>
    </message>
    <message>
        <source>PNG file to write.</source>
        <translation>Fichier PNG à écrire.</translation>
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
        <source>Start of the period (ISO date or date-time).</source>
        <translation>Début de la période (date ou date-heure ISO).</translation>
    </message>
    <message>
        <source>DATE</source>
        <translation>DATE</translation>
    </message>
    <message>
        <source>End of the period (ISO date or date-time).</source>
        <translation>Fin de la période (date ou date-heure ISO).</translation>
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
        <source>--from is not an ISO date: %1</source>
        <translation>--from n’est pas une date ISO : %1</translation>
    </message>
    <message>
        <source>--to is not an ISO date: %1</source>
        <translation>--to n’est pas une date ISO : %1</translation>
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
        <source>cannot write %1</source>
        <translation>impossible d’écrire %1</translation>
    </message>
    <message>
        <source>Map written to %1 (%2 features drawn, %3 points aggregated, %4 ms)</source>
        <translation>Carte écrite dans %1 (%2 entités dessinées, %3 points agrégés, %4 ms)</translation>
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
        <source>New layer id:</source>
        <translation>Identifiant de la nouvelle couche :</translation>
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
        <source>Skip invalid features (and list them as warnings)</source>
        <translation>Ignorer les entités invalides (et les signaler en avertissement)</translation>
    </message>
    <message>
        <source>Otherwise the first invalid feature stops the import and nothing is written.</source>
        <translation>Sinon, la première entité invalide arrête l’import et rien n’est écrit.</translation>
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
        <source>A CSV file needs X/Y or longitude/latitude columns, or a WKT column. Type EPSG:4326 for GPS coordinates.</source>
        <translation>Un fichier CSV doit contenir des colonnes X/Y ou longitude/latitude, ou une colonne WKT. Saisissez EPSG:4326 pour des coordonnées GPS.</translation>
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
        <source>Create an empty workspace</source>
        <translation>Créer un espace de travail vide</translation>
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
        <source>Show all the data</source>
        <translation>Afficher toutes les données</translation>
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
        <source>Cancel</source>
        <translation>Annuler</translation>
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
        <source>Last month</source>
        <translation>Dernier mois</translation>
    </message>
    <message>
        <source>Last 3 months</source>
        <translation>3 derniers mois</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>12 derniers mois</translation>
    </message>
    <message>
        <source>Week by week</source>
        <translation>Semaine par semaine</translation>
    </message>
    <message>
        <source>Month by month</source>
        <translation>Mois par mois</translation>
    </message>
    <message>
        <source>Animation step</source>
        <translation>Pas de l’animation</translation>
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
    <message numerus="yes">
        <source>%1 to %2 (%n day(s))</source>
        <translation>
            <numerusform>%1 au %2 (%n jour)</numerusform>
            <numerusform>%1 au %2 (%n jours)</numerusform>
        </translation>
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
