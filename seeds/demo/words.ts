/**
 * Invented word lists for the demo. No real people: every name is a combination drawn at random from
 * these lists (DESIGN.md §7), and the places are an invented town around the same few streets.
 */

export const MALE_GIVEN = [
  'Aldo', 'Bram', 'Carlo', 'Dario', 'Emrys', 'Fenn', 'Gideon', 'Hal', 'Idris', 'Jory', 'Kellan', 'Lorne',
  'Mace', 'Nico', 'Oren', 'Pascal', 'Rafe', 'Soren', 'Tobin', 'Ulric', 'Vance', 'Wes', 'Yannick', 'Zeke',
  'Brodie', 'Callum', 'Declan', 'Everett', 'Fraser', 'Garrick', 'Hollis', 'Jarvis', 'Keaton', 'Lennox',
  'Marlon', 'Niall', 'Otto', 'Piers', 'Roscoe', 'Stellan',
];
export const SUSPECT_SURNAMES = [
  'Ashdowne', 'Brackwell', 'Coldmere', 'Dransby', 'Elmsworth', 'Farrowby', 'Gildersby', 'Hepsley',
  'Ibberley', 'Jessard', 'Kettleby', 'Lumbridge', 'Mawsley', 'Northam', 'Ollerby', 'Pickerley', 'Quarndon',
  'Rawsley', 'Sowden', 'Tunstead', 'Umbley', 'Varnham', 'Wadsley', 'Yeadley', 'Brearby', 'Crosswell',
  'Dunstow', 'Everby', 'Fernley', 'Grindlow',
];
export const FEMALE_GIVEN = [
  'Bethan', 'Caitlyn', 'Darcie', 'Elsie', 'Freya', 'Gemma', 'Holly', 'Imogen', 'Jodie', 'Kayla', 'Leah',
  'Maisie', 'Nadia', 'Orla', 'Paige', 'Rhianna', 'Skye', 'Tilly', 'Verity', 'Willow', 'Zara', 'Ellie',
];
export const BOY_GIVEN = ['Aiden', 'Cody', 'Ellis', 'Jamie', 'Reece'];
export const ADULT_FEMALE_GIVEN = ['Lorraine', 'Denise', 'Tracy', 'Joanne', 'Michelle', 'Sandra', 'Paula', 'Angela'];
export const FAMILY_SURNAMES = [
  'Harland', 'Bickerdyke', 'Cawthorne', 'Dewsnap', 'Fairburn', 'Gledhill', 'Holroyd', 'Ingleby', 'Kilner',
  'Lockwood', 'Midgley', 'Oxspring', 'Pogmore', 'Rushworth', 'Sugden', 'Thackray', 'Wragby', 'Ackroyd',
];
/** Street nicknames as children saved them: only ever on HAS_CONTACT.savedAs, never an alias. */
export const NICKNAMES = [
  'Smiley', 'Dee', 'Zee', 'Ace', 'Boss', 'Chops', 'Moz', 'Rocky', 'Sunny', 'Kaz', 'Teddy', 'Mack', 'Bear',
  'Rico', 'Shorty', 'Biggie', 'Skinz', 'Flash', 'Lucky', 'Dodge', 'Spud', 'Tiny', 'Prince', 'Romeo',
  'Sparks', 'Jammy', 'Wheels', 'Goldie', 'Champ', 'Nitro',
];
export const FRIEND_SAVES = ['Becks', 'Jade x', 'Chloe', 'Kayleigh', 'Tash', 'Lou', 'Chelle', 'Soph', 'Kirsty', 'Danni', 'Mel', 'Leanne x', 'Stacey', 'Jen', 'Lauren'];

export const AREAS = [
  { name: 'Town Centre', out: 'S60', lat: 53.4305, lon: -1.3565 },
  { name: 'Kelsall Top', out: 'S65', lat: 53.4382, lon: -1.3405 },
  { name: 'Dunmere', out: 'S65', lat: 53.4421, lon: -1.3318 },
  { name: 'Marlow Bank', out: 'S61', lat: 53.4352, lon: -1.3721 },
  { name: 'Netherholme', out: 'S60', lat: 53.4214, lon: -1.3482 },
  { name: 'Cinder Hill', out: 'S61', lat: 53.4457, lon: -1.3786 },
  { name: 'Fellgate', out: 'S66', lat: 53.4263, lon: -1.3217 },
  { name: 'Harrowby', out: 'S66', lat: 53.4168, lon: -1.3302 },
  { name: 'Ravensdale', out: 'S60', lat: 53.4149, lon: -1.3655 },
  { name: 'Aldercote', out: 'S61', lat: 53.4489, lon: -1.3593 },
] as const;
export type Area = (typeof AREAS)[number];
export const STREET_NAMES = [
  'Tanners Row', 'Pell Street', 'Weir Lane', 'Cobden Terrace', 'Foundry Walk', 'Kiln Road', 'Sorrel Close',
  'Brewery Yard', 'Lantern Way', 'Ropewalk', 'Canal Side', 'Quarry Hill', 'Wharf Street', 'Chapel Fold',
  'Millrace Drive', 'Gasworks Lane', 'Orchard Mews', 'Tollgate Road', 'Bellfield Avenue', 'Cutler Street',
  'Furnace Lane', 'Spindle Court', 'Nailers Row', 'Tenter Street', 'Ironstone Crescent', 'Cinder Lane',
  'Beck Road', 'Loom Street', 'Coopers Yard', 'Pinfold Lane',
];

export const CARS: [string, string][] = [
  ['Toyota', 'Prius'], ['Skoda', 'Octavia'], ['Vauxhall', 'Zafira'], ['Vauxhall', 'Astra'], ['Ford', 'Galaxy'],
  ['Ford', 'Mondeo'], ['Volkswagen', 'Passat'], ['Volkswagen', 'Golf'], ['Peugeot', '407'], ['Honda', 'Civic'],
  ['Mercedes-Benz', 'C-Class'], ['BMW', '3 Series'], ['Audi', 'A4'], ['Seat', 'Leon'], ['Nissan', 'Qashqai'],
];
export const COLOURS = ['Silver', 'Black', 'White', 'Blue', 'Grey', 'Red'];
